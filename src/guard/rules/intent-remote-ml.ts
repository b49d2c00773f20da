import { phrase, type PatternRule } from '../rule-types.js';

/**
 * Remote instructions beyond the languages intent-remote.ts covers (issue 18 item 1): an address followed by
 * "follow / execute / obey what it says" in Korean, Thai, Arabic, Hindi, Bengali, Indonesian, Vietnamese,
 * Turkish, Tagalog, and wider Portuguese and German phrasing. Folded view: lower case, Latin accents stripped.
 */
const OBEY_ML = [
  String.raw`따르|따라\s*(?:하|실행)|실행(?:하|해)|지시(?:를|에)\s*따|ทําตาม|ปฏิบัติตาม|รันคําสั่ง|เรียกใช้|اتبع|نفذ|طبق|التعليمات\s+(?:فيه|الموجودة)`,
  String.raw`पालन\s+कर|चलाए|चलाओ|निष्पादित|অনুসরণ\s+কর|চালান|পালন\s+কর|ikuti|jalankan|laksanakan|patuhi|lam\s+theo|thuc\s+hien|tuan\s+theo`,
  String.raw`takip\s+et|uygula|calistir|yerine\s+getir|sundin|patakbuhin|isagawa|siga\s+(?:as\s+)?(?:instrucoes|o\s+que)|cumpra|obedeca`,
  String.raw`befolge|fuhre\s+(?:\S{1,20}\s+){0,4}aus|halte\s+dich\s+an|applique[rz]?\s+(?:ce\s+qu|les\s+instructions)|esegui|obbedisci`,
].join('|');

/** Remote instructions in other languages: fetch an address, then do what it says. */
export const INTENT_REMOTE_ML_RULES: readonly PatternRule[] = [
  phrase(
    'intent.remote.fetch_and_obey_wide_ml',
    'override',
    'high',
    String.raw`https?:\/\/\S{1,200}(?!\S)[^\n]{0,80}?(?:${OBEY_ML})|(?:${OBEY_ML})[^\n]{0,60}?https?:\/\/\S{1,200}(?!\S)`,
  ),
];
