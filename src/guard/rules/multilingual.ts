import { phrase, type PatternRule } from '../rule-types.js';

/**
 * Layer 5 beyond English: "ignore the previous instructions", "reveal the system prompt / password",
 * "you are now" and "don't tell the user" in the most common languages. Matched on the folded view
 * (lower case, accents stripped), so patterns are written without accents.
 */
const IGNORE_PREVIOUS = [
  // Spanish, Portuguese, Italian, French
  'ignor[ae]\\w{0,20}\\s+(?:\\w{1,30}\\s+){0,3}(?:instrucciones|instrucoes|istruzioni|instructions|indicaciones|regras|reglas|regole|consignes)',
  '(?:olvida|esquece|dimentica|oublie)\\w{0,20}\\s+(?:\\w{1,30}\\s+){0,3}(?:instrucciones|instrucoes|istruzioni|instructions|reglas|regras|regole)',
  // German, Dutch
  String.raw`(?:ignoriere|vergiss|missachte|(?:ignorieren|vergessen|` +
    String.raw`missachten)\s+sie)\w{0,20}\s+(?:\w{1,30}\s+){0,3}(?:anweisungen|anordnungen|regeln|vorgaben)`,
  'negeer\\w{0,20}\\s+(?:\\w{1,30}\\s+){0,3}(?:instructies|regels)',
  // Russian, Ukrainian
  '(?:игнорир|проигнорир|забудь|не\\s+обраща|пропусти)\\S{0,20}\\s+(?:\\S{1,30}\\s+){0,3}(?:инструкц|указани|правил|команд)',
  // Turkish, Indonesian, Vietnamese, Tagalog
  '(?:talimatlar|kurallar|yonergeler)\\S{0,20}\\s+(?:\\S{1,30}\\s+){0,3}(?:yok\\s+say|gormezden|unut)',
  '(?:abaikan|lupakan)\\s+(?:\\w{1,30}\\s+){0,3}(?:instruksi|perintah|aturan|petunjuk)',
  '(?:bo\\s+qua|phot\\s+lo|quen)\\s+(?:\\S{1,30}\\s+){0,4}(?:huong\\s+dan|chi\\s+thi|lenh|quy\\s+tac)',
  '(?:huwag\\s+pansinin|balewalain|kalimutan)\\s+(?:\\S{1,30}\\s+){0,4}(?:tagubilin|instruksyon|utos|patakaran)',
  // Chinese, Japanese, Korean
  '(?:忽略|无视|無視|忽视|忘记|忘記|不要理会|跳过)[^。.!?！？]{0,12}(?:指令|指示|说明|說明|规则|規則|命令|提示)',
  '(?:指示|命令|ルール|指令|プロンプト)[^。.!?！？]{0,12}(?:無視|忘れ)',
  '(?:지시|명령|규칙|지침|프롬프트)[^.!?]{0,12}(?:무시|잊어)',
  // Arabic, Hindi, Bengali, Thai
  '(?:تجاهل|انس|أهمل|اهمل)\\S{0,20}\\s+(?:\\S{1,30}\\s+){0,3}(?:التعليمات|الأوامر|الاوامر|القواعد|تعليمات)',
  '(?:निर्देशों|निर्देश|नियमों|आदेशों)\\S{0,20}\\s+(?:\\S{1,30}\\s+){0,3}(?:अनदेखा|नज़रअंदाज़|नजरअंदाज|भूल)',
  '(?:নির্দেশাবলী|নির্দেশনা|নির্দেশ|নিয়ম)\\S{0,20}\\s+(?:\\S{1,30}\\s+){0,3}(?:উপেক্ষা|ভুলে)',
  '(?:เพิกเฉย|ไม่ต้องสนใจ|ลืม)[^.!?]{0,20}(?:คําสั่ง|คําแนะนํา|กฎ)',
];

const REVEAL_SECRET = [
  String.raw`(?:revela|muestra|dime|mostra|rivela|dimmi|revele|montre|dis-moi|zeig|verrat|` +
    String.raw`nenne)\w{0,20}\s+(?:\w{1,30}\s+){0,4}(?:prompt\s+(?:del\s+|do\s+|de\s+)?sistema|` +
    String.raw`prompt\s+di\s+sistema|systemprompt|system-prompt|contrasena|senha|password|mot\s+de\s+passe|` +
    String.raw`passwort|kennwort)`,
  '(?:покажи|раскрой|скажи|назови|выведи)\\S{0,20}\\s+(?:\\S{1,30}\\s+){0,3}(?:системн\\S{0,20}\\s+(?:промпт|подсказк|инструкц)|пароль)',
  '(?:系统提示|系統提示|系统指令|密码|密碼)[^。.!?！？]{0,10}(?:告诉|告訴|给我|給我|显示|顯示|透露|泄露)|(?:告诉|告訴|显示|透露|泄露)[^。.!?！？]{0,10}(?:系统提示|系統提示|密码|密碼)',
  '(?:システムプロンプト|パスワード)[^。.!?！？]{0,12}(?:教え|見せ|表示|出力)',
  '(?:시스템\\s*프롬프트|비밀번호|암호)[^.!?]{0,12}(?:알려|보여|공개|출력)',
  '(?:sistem\\s+istemi|parola|sifre)\\S{0,20}\\s+(?:\\S{1,30}\\s+){0,3}(?:soyle|goster|ver)',
  '(?:tunjukkan|beritahu|ungkapkan|berikan)\\s+(?:\\w{1,30}\\s+){0,3}(?:prompt\\s+sistem|kata\\s+sandi)',
  '(?:cho\\s+toi\\s+biet|tiet\\s+lo|hien\\s+thi)\\s+(?:\\S{1,30}\\s+){0,3}(?:mat\\s+khau|loi\\s+nhac\\s+he\\s+thong)',
  String.raw`(?:كلمة\s+(?:المرور|السر)|موجه\s+النظام)[^.!?؟]{0,20}(?:أخبرني|اخبرني|أظهر|اكشف)|(?:أخبرني|اخبرني|` +
    String.raw`أظهر|اكشف)[^.!?؟]{0,20}(?:كلمة\s+(?:المرور|السر)|موجه\s+النظام)`,
  '(?:पासवर्ड|सिस्टम\\s+प्रॉम्प्ट)[^.!?।]{0,20}(?:बताओ|बताइए|बताएं|दिखाओ|दें|दीजिए)',
  '(?:পাসওয়ার্ড)[^.!?।]{0,20}(?:বলুন|বলো|দিন|দেখান)',
  '(?:รหัสผ่าน)[^.!?]{0,20}(?:บอก|แสดง|ให้)',
  '(?:sabihin|ibigay|ipakita)\\s+(?:\\S{1,30}\\s+){0,3}(?:password|system\\s+prompt)',
];

export const MULTILINGUAL_RULES: readonly PatternRule[] = [
  phrase('override.ignore_instructions_ml', 'override', 'high', IGNORE_PREVIOUS.join('|')),
  phrase('leak.reveal_secret_ml', 'prompt_leak', 'high', REVEAL_SECRET.join('|')),
];
