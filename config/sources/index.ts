// Every source tinwatch knows. Adding an outlet = a file here + fixtures + golden outputs.
import baoquocte from './baoquocte.js';
import baotintuc from './baotintuc.js';
import dantri from './dantri.js';
import kbsVietnamese from './kbs-vietnamese.js';
import militaryComVn from './military-com-vn.js';
import nld from './nld.js';
import qdnd from './qdnd.js';
import thanhnien from './thanhnien.js';
import tuoitre from './tuoitre.js';
import vietnamplus from './vietnamplus.js';
import vnexpress from './vnexpress.js';
import vov from './vov.js';
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
} as const;
