import { phrase, type PatternRule } from '../rule-types.js';

/**
 * Exfiltration conventions in any language (issue 18 item 1): a named secret file copied into a commit, PR,
 * message or summary. The file names are the same in every language; the verbs and channels are not.
 */
const SECRET_FILE = String.raw`~?\/?\.(?:aws\/credentials|ssh\/id_\w{1,20}|netrc|npmrc|pypirc|git-credentials|env)(?![\w.-])|id_rsa|id_ed25519|credentials\.json`;

const COPY_ML = [
  String.raw`kopier|einfug|anhang|copi[ae]|pega|incluy|inclu[ai]|ajout|coll|aggiung|incoll|скопир|встав|добав|复制|添加|附上|貼り付け|追加|コピー`,
  String.raw`복사|추가|붙여|انسخ|[أا]ضف|कॉपी|जोड़|যোগ|কপি|คัดลอก|เพิ่ม|salin|tambahkan|sao\s+chep|kopyala|ekle|kopyahin|idagdag|inhalt|contenido|conteudo`,
  String.raw`contenu|contenuto|содержим|内容|中身|내용|محتوى|सामग्री|বিষয়বস্তু|เนื้อหา|isi|noi\s+dung|icerig`,
].join('|');

const CHANNEL_ML = [
  String.raw`commit|pr\b|pull\s+request|mensaje|mensagem|messaggio|message|nachricht|beschreibung|zusammenfassung|pr-text|resumen|resumo`,
  String.raw`riepilogo|resume|сообщени|коммит|описани|提交|消息|摘要|コミット|メッセージ|要約|커밋|메시지|요약|رسالة|الالتزام|ملخص|संदेश|सारांश`,
  String.raw`কমিট|বার্তা|ข้อความ|คอมมิต|สรุป|pesan|ringkasan|tin\s+nhan|tom\s+tat|mesaj|ozet|mensahe|buod`,
].join('|');

/** A secret file's contents put into something that leaves the machine, named in any language. */
export const INTENT_EXFIL_ML_RULES: readonly PatternRule[] = [
  phrase(
    'intent.exfil_convention.secret_file_into_message_ml',
    'exfiltration',
    'high',
    String.raw`(?:${COPY_ML})[^\n]{0,60}?(?:${SECRET_FILE})(?![^\n]{0,40}gitignore)[^\n]{0,60}?(?:${CHANNEL_ML})|` +
      String.raw`(?:${SECRET_FILE})(?![^\n]{0,40}gitignore)[^\n]{0,60}?(?:${COPY_ML})[^\n]{0,40}?(?:${CHANNEL_ML})`,
  ),
];
