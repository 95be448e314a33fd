// Story threads (issue 38): the contract other stages, the alert rules and the briefing import.
export { ThreadIndex } from './thread-index.js';
export { loadThreadIndex, threadOf } from './load-thread-index.js';
export {
  THREAD_LINK_KINDS,
  reportedAt,
  type StoryThread,
  type ThreadCopy,
  type ThreadLinkKind,
  type ThreadRole,
  type ThreadStory,
} from './thread-types.js';
export { readStoryLead, readStoryLeads } from './story-lead.js';
