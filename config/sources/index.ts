// Every source tinwatch knows. Adding an outlet = a file here + fixtures + golden outputs.
import baochinhphu from './baochinhphu.js';
import baoquocte from './baoquocte.js';
import baotintuc from './baotintuc.js';
import bbcVietnamese from './bbc-vietnamese.js';
import cand from './cand.js';
import dantri from './dantri.js';
import kbsVietnamese from './kbs-vietnamese.js';
import militaryComVn from './military-com-vn.js';
import nhandan from './nhandan.js';
import nld from './nld.js';
import qdnd from './qdnd.js';
import sggp from './sggp.js';
import thanhnien from './thanhnien.js';
import tienphong from './tienphong.js';
import tuoitre from './tuoitre.js';
import vietnamplus from './vietnamplus.js';
import vnexpress from './vnexpress.js';
import vov from './vov.js';
import vtv from './vtv.js';
import znews from './znews.js';

export const SOURCE_FILES = {
  'vnexpress.ts': vnexpress,
  'baotintuc.ts': baotintuc,
  'kbs-vietnamese.ts': kbsVietnamese,
  'military-com-vn.ts': militaryComVn,
  'qdnd.ts': qdnd,
  'dantri.ts': dantri,
  'tuoitre.ts': tuoitre,
  'thanhnien.ts': thanhnien,
  'vietnamplus.ts': vietnamplus,
  'vov.ts': vov,
  'znews.ts': znews,
  'nld.ts': nld,
  'baoquocte.ts': baoquocte,
  // Read by the generic extractor alone (no extract selectors).
  'nhandan.ts': nhandan,
  'cand.ts': cand,
  'tienphong.ts': tienphong,
  'vtv.ts': vtv,
  'sggp.ts': sggp,
  'baochinhphu.ts': baochinhphu,
  'bbc-vietnamese.ts': bbcVietnamese,
} as const;
