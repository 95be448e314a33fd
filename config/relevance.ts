// Korea–US defence relevance: weighted Vietnamese term lists. An article is on topic when it
// names both allies (Korea group and US group) and defence vocabulary, and its weighted score
// reaches the threshold. Title hits count triple, lead double, body once; each term counts at most
// `maxHitsPerTerm` times per field so one repeated word cannot carry an article.
// Matching is on folded syllables (DESIGN.md §3): tone placement, i/y and case do not matter.

export interface TermGroup {
  /** Phrase → weight. */
  terms: Record<string, number>;
}

export const RELEVANCE = {
  threshold: 8,
  fieldWeights: { title: 3, lead: 2, body: 1 },
  maxHitsPerTerm: 3,
  /**
   * Defence vocabulary must carry at least this much weight: one passing word in the body
   * ("phục vụ trong quân đội" in a celebrity story) is not defence coverage.
   */
  minDefenceScore: 3,
  korea: {
    terms: {
      'Hàn Quốc': 2,
      Hàn: 1,
      Seoul: 2,
      'Nam Triều Tiên': 2,
      Yonhap: 1,
      'Bộ Tham mưu Liên quân Hàn Quốc': 2,
      JCS: 1,
      'Nhà Xanh': 1,
      'Phủ Tổng thống Hàn Quốc': 2,
    },
  },
  us: {
    terms: {
      Mỹ: 2,
      'Hoa Kỳ': 2,
      Washington: 2,
      'Lầu Năm Góc': 2,
      'Nhà Trắng': 1,
      USFK: 3,
      'Lực lượng Mỹ tại Hàn Quốc': 3,
      'Lloyd Austin': 2,
      'Pete Hegseth': 2,
      INDOPACOM: 2,
      'Bộ Tư lệnh Ấn Độ - Thái Bình Dương': 2,
      PACOM: 2,
    },
  },
  defence: {
    terms: {
      'quốc phòng': 2,
      'quân sự': 2,
      'quân đội': 1,
      'tập trận': 3,
      'diễn tập': 2,
      'liên minh': 2,
      'đồng minh': 2,
      'răn đe': 2,
      'răn đe mở rộng': 3,
      OPCON: 3,
      'quyền chỉ huy tác chiến': 3,
      KIDD: 3,
      SCM: 3,
      NCG: 3,
      'Nhóm tham vấn hạt nhân': 3,
      THAAD: 3,
      GSOMIA: 3,
      'hạt nhân': 1,
      'tên lửa': 1,
      'binh sĩ': 1,
      'tàu sân bay': 2,
      'máy bay ném bom': 2,
      'tàu ngầm': 1,
      'khí tài chiến lược': 3,
      'phòng thủ': 1,
      'phòng không': 1,
      'an ninh': 1,
      'vũ khí': 1,
      'đồn trú': 2,
      'tác chiến': 1,
      'Tự do Lá chắn': 3,
      Ulchi: 3,
      'Freedom Shield': 3,
      'Freedom Edge': 3,
      'chi phí quốc phòng': 3,
      'Bộ trưởng Quốc phòng': 2,
      'hải quân': 1,
    },
  },
  /**
   * Phrases that contain an actor word without meaning the country (mỹ phẩm = cosmetics,
   * hàn gắn = to heal). They are matched first and hide the words inside them.
   */
  blockers: [
    'mỹ phẩm',
    'mỹ thuật',
    'thẩm mỹ',
    'mỹ nhân',
    'mỹ mãn',
    'mỹ nghệ',
    'mỹ quan',
    'mỹ vị',
    'mỹ học',
    'hoàn mỹ',
    'mỹ miều',
    'mỹ lệ',
    'mỹ đình',
    'mỹ tho',
    'mỹ sơn',
    'mỹ khê',
    'mỹ tâm',
    'hàn gắn',
    'hàn lâm',
    'hàn huyên',
    'hàn xì',
    'hàn the',
    'bần hàn',
    'cơ hàn',
    'hàn thử biểu',
    'hàn mặc tử',
    'thợ hàn',
    'mối hàn',
    'hàn điện',
    // Defence words inside civilian phrases: a K-pop star's enlistment, food or energy
    // security, nuclear power plants.
    'nghĩa vụ quân sự',
    'an ninh lương thực',
    'an ninh năng lượng',
    'an ninh trật tự',
    'an ninh kinh tế',
    'điện hạt nhân',
    'hạt nhân dân sự',
  ],
} as const;
