import { phrase, type PatternRule } from '../rule-types.js';

/**
 * Permission claims beyond the languages intent-permission.ts covers (issue 18 item 1): "without asking" and
 * "the user already approved" next to a risky act, in Korean, Thai, Arabic, Hindi, Bengali, Indonesian, Vietnamese,
 * Turkish, Tagalog, and the European languages' wider phrasing. Folded view: lower case, Latin accents stripped.
 */
const NO_ASK_ML = [
  // es, pt, it, fr, de
  String.raw`sin\s+(?:preguntar|pedir\s+(?:confirmacion|permiso)|confirmacion)|sem\s+(?:perguntar|pedir\s+(?:confirmacao|permissao)|confirmacao)`,
  String.raw`senza\s+(?:chiedere|conferma)|sans\s+(?:demander|confirmation|autorisation)|ohne\s+(?:\S{1,12}\s+)?(?:fragen|ruckfrage|bestatigung)`,
  String.raw`no\s+(?:pidas|pida|pedir)\s+(?:confirmacion|permiso)|nao\s+(?:peca|pecas|pedir)\s+(?:confirmacao|permissao)|ne\s+demande\s+(?:pas\s+)?(?:de\s+)?(?:confirmation|permission)|non\s+chiedere\s+(?:conferma|il\s+permesso)|sem\s+revisao|sin\s+revision|sans\s+(?:relecture|revue)|ohne\s+(?:review|prufung)|senza\s+revisione|nicht\s+mehr\s+(?:nach)?fragen|nao\s+(?:precisa\s+)?(?:perguntar|pedir\s+confirmacao)|no\s+(?:hace\s+falta\s+)?(?:preguntar|confirmar)`,
  // ru, zh, ja, ko
  String.raw`без\s+(?:подтвержд|спроса|согласовани|разрешени)|не\s+спрашива|无需(?:确认|询问|批准)|不用(?:确认|问)|不必(?:询问|确认)|不再询问`,
  String.raw`確認(?:せずに|なしで|不要)|聞かずに|許可を求めずに|확인\s*없이|묻지\s*않고|물어보지\s*않고|허락\s*없이|승인\s*없이|묻지\s*말고`,
  // ar, hi, bn, th
  String.raw`(?:دون|بدون)\s+(?:سؤال|تأكيد|إذن|اذن|الرجوع)|बिना\s+(?:पूछे|पुष्टि|अनुमति)|पूछने\s+की\s+ज़?रूरत\s+नहीं`,
  String.raw`জিজ্ঞে?স(?:া)?\s+না\s+করে|অনুমতি\s+ছাড়া|(?:โดย)?ไม่ต้อง(?:ถาม|ยืนยัน|ขออนุญาต)`,
  // id, vi, tr, tl
  String.raw`tanpa\s+(?:bertanya|menanyakan|konfirmasi|izin|persetujuan)|tidak\s+perlu\s+(?:bertanya|konfirmasi)|khong\s+can\s+(?:hoi|xac\s+nhan)`,
  String.raw`ma\s+khong\s+hoi|sormadan|onay\s+(?:almadan|istemeden)|nang\s+hindi\s+nagtatanong|hindi\s+na\s+kailangang\s+magtanong`,
].join('|');

/** "The user (already) approved / allowed". */
const CLAIM_ML = [
  String.raw`(?:ha|han|ya)\s+(?:\S{1,12}\s+)?(?:autorizado|aprobado|permitido)|(?:ya\s+)?(?:lo\s+|la\s+|los\s+)?(?:aprobo|autorizo|permitio)\b|(?:autorizou|aprovou|permitiu)|ha\s+(?:autorizzato|approvato|permesso)`,
  String.raw`a\s+(?:deja\s+)?(?:autorise|approuve|permis)|(?:hat|haben)\s+(?:\S{1,20}\s+){0,3}(?:genehmigt|erlaubt|freigegeben)|vorab\s+genehmigt`,
  String.raw`разрешил|одобрил|已授权|已批准|已同意|許可済み|承認済み|事前承認|허용했|승인했|허락했|(?:사전|미리)\s*승인`,
  String.raw`وافق|سمح|أذن|موافقة\s+مسبقة|अनुमति\s+दे\s+दी|मं?ज़?ूरी\s+दे\s+दी|অনুমতি\s+দিয়েছেন|অনুমোদন\s+দিয়েছেন`,
  String.raw`(?:ได้)?(?:อนุญาต|อนุมัติ)แล้ว|(?:sudah|telah)\s+(?:mengizinkan|menyetujui)|da\s+(?:cho\s+phep|phe\s+duyet|dong\s+y)`,
  String.raw`onayladi|izin\s+verdi|onceden\s+onaylan|pinayagan|inaprubahan`,
].join('|');

/** Risky acts: commands, deletion, deploys, production, safety nets switched off. */
const RISKY_ML = [
  String.raw`sudo|chmod|rm\s+-\w{0,3}r|pull\s+requests?|merge\w{0,3}|--force|force[- ]push|ssl|tls|firewall|comandos?|commandes?|befehle?|comandi|borrar|eliminar|apagar|excluir`,
  String.raw`supprimer|loschen|eliminare|desactivar|deshabilitar|desativar|desabilitar|desactiver|deaktivieren|disattivare|produccion|producao`,
  String.raw`produzione|produktion|команд|удал|отключ|деплой|продакшен|删除|刪除|部署|命令|禁用|关闭|生产|コマンド|削除|デプロイ|本番|無効`,
  String.raw`명령|삭제|배포|프로덕션|운영\s*서버|푸시|비활성화|คําสั่ง|ลบ|ปิดการ|الأوامر|أوامر|حذف|نشر|الإنتاج|تعطيل|कमांड|हटा|डिलीट|डिप्लॉय`,
  String.raw`प्रोडक्शन|কমান্ড|মুছে|ডিপ্লয়|perintah|hapus|menghapus|produksi|nonaktifkan|menonaktifkan|lenh|xoa|trien\s+khai|komut|sil\w{0,4}|dagit`,
  String.raw`devre\s+disi|utos|burahin|i-deploy`,
].join('|');

/** Permission claims in other languages: no more asking, or a claimed approval, next to a risky act. */
export const INTENT_PERMISSION_ML_RULES: readonly PatternRule[] = [
  phrase(
    'intent.permission.no_asking_wide_ml',
    'persistence',
    'high',
    String.raw`(?:${NO_ASK_ML}|${CLAIM_ML})[^\n.;。！？]{0,80}?(?:${RISKY_ML})|(?:${RISKY_ML})[^\n.;。！？]{0,80}?(?:${NO_ASK_ML}|${CLAIM_ML})`,
  ),
];
