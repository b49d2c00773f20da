import { phrase, type PatternRule } from '../rule-types.js';

/**
 * Authority and policy-change claims beyond English (issue 18 item 1): safeguards that "no longer apply", an
 * administrator or security team that "authorised" switching something off, developer or maintenance mode.
 * Folded view: lower case, Latin accents stripped.
 */
const SAFEGUARD_ML = [
  String.raw`restricciones|reglas|normas|restricoes|regras|restrizioni|regole|restrictions|regles|einschrankungen|regeln|richtlinien`,
  String.raw`ограничени|правила|限制|规则|規則|制限|ルール|제한|규칙|القيود|القواعد|प्रतिबंध|नियम|বিধিনিষেধ|নিয়ম|ข้อจํากัด|กฎ|pembatasan`,
  String.raw`batasan|aturan|han\s+che|quy\s+tac|kisitlama|kural|paghihigpit|patakaran|seguridad|seguranca|sicurezza|securite|sicherheit`,
  String.raw`безопасност|安全|セキュリティ|보안|الأمان|सुरक्षा|নিরাপত্তা|ความปลอดภัย|keamanan|bao\s+mat|guvenlik`,
].join('|');

const NO_LONGER_ML = [
  String.raw`ya\s+no\s+(?:se\s+)?aplica|nao\s+se\s+aplica\w{0,2}\s+mais|ja\s+nao\s+(?:se\s+)?aplica|non\s+(?:si\s+applica\w{0,2}|valgono)\s+piu`,
  String.raw`ne\s+s'appliquent?\s+plus|ne\s+sont\s+plus\s+(?:valables|en\s+vigueur)|gilt\s+nicht\s+mehr|gelten\s+nicht\s+mehr|aufgehoben`,
  String.raw`nicht\s+mehr\s+gultig|больше\s+не\s+(?:действу|применя)|отменен|сняты|不再适用|不再適用|已取消|已解除|不再有效|適用されません`,
  String.raw`もう適用|解除され|더\s*이상\s*적용되지|적용되지\s*않|해제되었|해제됨|لم\s+تعد\s+(?:تنطبق|سارية)|[أا]لغيت|تم\s+إلغاء|अब\s+लागू\s+नहीं`,
  String.raw`हटा\s+दि(?:ए|या)\s+गए|आर\s+প্রযোজ্য\s+নয়|তুলে\s+নেওয়া|ไม่มีผลอีกต่อไป|ยกเลิกแล้ว|ถูกยกเลิก|tidak\s+berlaku\s+lagi|(?:sudah|telah)\s+dicabut`,
  String.raw`khong\s+con\s+ap\s+dung|da\s+(?:duoc\s+go\s+bo|bi\s+huy)|art[iı]k\s+gecerli\s+degil|kald[iı]r[iı]ld[iı]|hindi\s+na\s+ipinapatupad|inalis\s+na`,
].join('|');

const ADMIN_ML = [
  String.raw`administrador|admin|administrateur|administrator|amministratore|администратор|管理员|管理員|管理者|관리자|المسؤول|المشرف`,
  String.raw`व्यवस्थापक|এডমিন|অ্যাডমিন|ผู้ดูแลระบบ|quan\s+tri\s+vien|yonetici|tagapangasiwa|equipo\s+de\s+seguridad|equipe\s+de\s+seguranca`,
  String.raw`sicherheitsteam|служба\s+безопасности|安全团队|セキュリティチーム|보안\s*팀|فريق\s+الأمن|सुरक्षा\s+टीम|ทีมรักษาความปลอดภัย|tim\s+keamanan`,
].join('|');

const AUTHORISED_ML = [
  String.raw`autoriz\w{1,4}|aprob\w{1,4}|aprov\w{1,4}|permiti\w{0,3}|autorise|genehmigt|erlaubt|freigegeben|разрешил|одобрил|授权|批准|允许|許可|承認`,
  String.raw`허용|승인|허락|وافق|سمح|[أا]ذن|अनुमति|मं?ज़?ूरी|মঞ্জুর|অনুমতি|อนุญาต|อนุมัติ|mengizinkan|menyetujui|cho\s+phep|phe\s+duyet|izin\s+verdi`,
  String.raw`onaylad[iı]|pinayagan|inaprubahan`,
].join('|');

/** What an authorisation should not switch off or open. */
const OFF_ML = [
  String.raw`desactiv\w{1,5}|deshabilit\w{1,5}|desativ\w{1,5}|desabilit\w{1,5}|deaktivier\w{0,3}|disattiv\w{1,5}|отключ|禁用|关闭|無効|비활성|끄`,
  String.raw`تعطيل|बंद|বন্ধ|ปิด|nonaktif|tat|devre\s+disi|i-?disable|verify=false|ssl|tls|firewall|sudo|chmod|--force|subir|enviar|upload`,
  String.raw`ignor\w{1,4}\s+(?:\S{1,20}\s+){0,2}(?:advertencias|avisos|avvisi|avertissements|warnungen)`,
].join('|');

const MODE_ML = [
  String.raw`modo\s+(?:de\s+)?(?:desarrollador|desenvolvedor|mantenimiento|manutencao|sviluppatore|manutenzione)|entwicklermodus|wartungsmodus`,
  String.raw`mode\s+(?:developpeur|maintenance|pengembang|pemeliharaan)|режим\S{0,3}\s+(?:разработчика|обслуживания)|开发者模式|開發者模式|维护模式`,
  String.raw`維護模式|開発者モード|メンテナンスモード|개발자\s*모드|유지\s*보수\s*모드|관리자\s*모드|โหมดนักพัฒนา|โหมดบํารุงรักษา|وضع\s+(?:المطور|الصيانة)`,
  String.raw`डेवलपर\s+मोड|रखरखाव\s+मोड|che\s+do\s+(?:nha\s+phat\s+trien|bao\s+tri)|gelistirici\s+modu|bakim\s+modu`,
].join('|');

/** Authority claims in other languages. */
export const INTENT_AUTHORITY_ML_RULES: readonly PatternRule[] = [
  // "the security rules were updated: the restrictions no longer apply"
  phrase(
    'intent.authority.safeguards_lifted_ml',
    'fake_authority',
    'high',
    String.raw`(?:${SAFEGUARD_ML})[^\n.;。！？]{0,60}?(?:${NO_LONGER_ML})|(?:${NO_LONGER_ML})[^\n.;。！？]{0,30}?(?:${SAFEGUARD_ML})`,
  ),
  // "the administrator authorised disabling TLS verification"
  phrase(
    'intent.authority.admin_authorised_ml',
    'fake_authority',
    'high',
    String.raw`(?:${ADMIN_ML})[^\n.;。！？]{0,40}?(?:${AUTHORISED_ML})[^\n.;。！？]{0,80}?(?:${OFF_ML})`,
  ),
  // "developer mode is on: the rules are off"
  phrase(
    'intent.authority.special_mode_wide_ml',
    'fake_authority',
    'high',
    String.raw`(?:${MODE_ML})[^\n]{0,80}?(?:${SAFEGUARD_ML}|${NO_LONGER_ML}|${OFF_ML})`,
  ),
];
