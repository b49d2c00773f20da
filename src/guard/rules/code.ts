import { phrase, token, type PatternRule } from '../rule-types.js';

/** Code that destroys, spies or opens a door. Scripts in skills are scanned with these too. */
export const CODE_RULES: readonly PatternRule[] = [
  token(
    'code.reverse_shell',
    'code_danger',
    'critical',
    String.raw`\b(?:nc|ncat|netcat)\b[^\n]{0,40}\s-[a-z]*e\s|\/dev\/tcp\/|\bsh\s+-i\b[^\n]{0,20}[<>]|pty\.spawn|` +
      String.raw`socket\.socket\([^)]*\)[\s\S]{0,200}?(?:subprocess|os\.dup2|\/bin\/(?:ba)?sh)`,
    'gi',
  ),
  token(
    'code.destroy_root',
    'code_danger',
    'critical',
    String.raw`\brm\s+-[a-z]*r[a-z]*f?[a-z]*\s+(?:--no-preserve-root\s+)?(?:\/|~|\$HOME|\/\*)(?:\s|$|["'])|` +
      String.raw`shutil\.rmtree\(\s*["'](?:\/|~|C:\\\\?)["']|\bmkfs(?:\.\w{1,30})?\s+\/dev\/|` +
      String.raw`\bdd\s+if=\/dev\/(?:zero|random|urandom)\s+of=\/dev\/|os\.remove\(\s*["']\/(?:lib|bin|etc|boot|usr)`,
    'gi',
  ),
  token(
    'code.fork_bomb',
    'code_danger',
    'critical',
    ':\\(\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*\\}\\s*;\\s*:|while\\s+true\\s*:?\\s*\\n?\\s*os\\.fork\\(\\)|while\\s*\\(\\s*1\\s*\\)\\s*fork\\(\\)',
    'gi',
  ),
  token(
    'code.download_exec',
    'code_danger',
    'high',
    String.raw`\b(?:curl|wget)\b[^\n]{0,200}(?:-o|-O|>)\s*\S{1,30}[^\n]{0,80}(?:chmod\s+\+x|&&\s*\.\/|;\s*\.\/)|` +
      String.raw`\bwget\b[^\n]{0,200}exploit|urlretrieve\([^)]*\)[\s\S]{0,120}?(?:exec|os\.system|subprocess)`,
    'gi',
  ),
  token(
    'code.spyware',
    'code_danger',
    'high',
    String.raw`\b(?:pynput|keyboard\.on_press|GetAsyncKeyState|pyautogui\.screenshot|ImageGrab\.grab|` +
      String.raw`win32clipboard|pbpaste|xclip|snippingtool|psutil\.process_iter|ReadProcessMemory|driverquery|` +
      String.raw`http\.cookiejar|browser_cookie3|MozillaCookieJar|SimpleCookie)\b`,
    'gi',
  ),
  token(
    'code.disable_network',
    'code_danger',
    'high',
    String.raw`ipconfig\s+\/release|ifconfig\s+\w{1,30}\s+down|nmcli\s+networking\s+off|` +
      String.raw`iptables\s+-[AI]\s+OUTPUT\s+-j\s+DROP|netsh\s+interface\s+set\s+interface[^\n]{0,40}disable`,
    'gi',
  ),
  token(
    'code.stop_services',
    'code_danger',
    'high',
    String.raw`\bsystemctl\s+(?:stop|disable|mask)\s+(?:critical|firewall|sshd|auditd|[\w.-]*\.service)|` +
      String.raw`\bkill\s+-9\s+1\b|\bshutdown\s+(?:-h|\/s)\b`,
    'gi',
  ),
  token(
    'code.crypto_miner',
    'code_danger',
    'critical',
    '\\b(?:xmrig|cryptonight|minerd|cpuminer|stratum\\+tcp|coinhive|cryptomine)\\b',
    'gi',
  ),
  token(
    'code.ransom',
    'code_danger',
    'high',
    '(?:Cipher|AES|Fernet)[\\s\\S]{0,400}?(?:os\\.walk|glob\\.glob)[\\s\\S]{0,400}?(?:\\.encrypt|ransom)|ransom(?:ware|\\s+note)',
    'gi',
  ),
  token(
    'code.flood',
    'code_danger',
    'high',
    'while\\s+True\\s*:[\\s\\S]{0,200}?(?:requests\\.(?:get|post)|subprocess\\.(?:call|run|Popen)\\([^)]{0,80}(?:curl|ping|hping))',
    'g',
  ),
  token(
    'code.net_exfil_loop',
    'code_danger',
    'medium',
    String.raw`(?:requests\.post|urlopen|http\.client\.HTTPS?Connection|ftplib\.FTP|smtplib\.SMTP|` +
      String.raw`yagmail)[\s\S]{0,300}?(?:files\s*=|data\s*=\s*(?:f|file|open)|\.storbinary|sendmail|\.send\()`,
    'g',
  ),
  token(
    'code.ssh_tunnel',
    'code_danger',
    'high',
    '\\bssh\\s+-[LRD]\\s*\\d+:|\\bbind\\(\\(\\s*["\']["\']?\\s*,\\s*\\d+\\s*\\)\\)[\\s\\S]{0,80}?listen',
    'gi',
  ),
  phrase(
    'code.inject_snippet_any',
    'override',
    'medium',
    String.raw`\b(?:following|below|subsequent|above|this)\s+(?:code\s+)?(?:snippet|code|block|section|excerpt|` +
      String.raw`fragment)\b[^\n\x60]{0,100}?\b(?:your|the)\s+(?:code|implementation|algorithm|solution|program|` +
      String.raw`codebase|response|answer|script|project|elucidation|logic|architecture|functionality)\b|\b(?:your|` +
      String.raw`the)\s+(?:code|implementation|algorithm|solution|program|codebase)\b[^\n\x60]{0,60}?\b(?:following|` +
      String.raw`below|subsequent)\s+(?:code\s+)?(?:snippet|code|block|section|excerpt)\b`,
  ),
  token(
    'code.collect_and_send',
    'code_danger',
    'high',
    String.raw`(?:os\.environ|getpass|psutil|platform\.|pkg_resources|usb\.core|ImageGrab|clipboard|pyautogui|` +
      String.raw`ffmpeg|Image\.open|open\([^)]*\)\.read|bluetooth|cookies?)[\s\S]{0,400}?(?:requests\.(?:post|put)|` +
      String.raw`\.send(?:all|to)?\(|storbinary|sendmail|curl["\s,]+-F|urlopen\([^)]*data)|(?:requests\.(?:post|put)|` +
      String.raw`socket\.socket)[\s\S]{0,400}?(?:os\.environ|getpass|psutil|platform\.(?:system|node|uname)|` +
      String.raw`pkg_resources)`,
    'g',
  ),
  token(
    'code.network_send',
    'code_danger',
    'low',
    'requests\\.(?:post|put)\\(|\\.connect\\(\\(|\\.sendto\\(|http\\.client\\.HTTPS?Connection|ftplib|smtplib|TCP4ClientEndpoint|BluetoothSocket',
    'g',
  ),
  token(
    'code.system_tamper',
    'code_danger',
    'high',
    String.raw`open\(\s*["'](?:\/etc\/hosts|\/etc\/passwd|\/etc\/sudoers|\/boot\/[^"']{1,80}|` +
      String.raw`C:\\\\Windows\\\\System32[^"']{0,80})["']\s*,\s*["'][aw]|>>?\s*\/etc\/(?:hosts|sudoers|passwd)\b|` +
      String.raw`\bsudo\s+reboot\b`,
    'gi',
  ),
  token('code.socket_flood', 'code_danger', 'high', 'while\\s+True\\s*:[\\s\\S]{0,200}?socket\\.socket[\\s\\S]{0,120}?\\.connect', 'g'),
  phrase(
    'code.inject_snippet',
    'override',
    'medium',
    String.raw`\b(?:add|insert|include|embed|incorporate|integrate|blend|weave|merge|append|inject|feature|` +
      String.raw`utili[sz]e|leverage|meld|absorb|enlist|render|employ|use)\b[^\n.]{0,80}\b(?:following|below|` +
      String.raw`subsequent|this)\s+(?:code|snippet|code snippet|code block|code excerpt|` +
      String.raw`code section)\b[^\n]{0,80}\b(?:in|into|within|to|as)\s+(?:a\s+part\s+of\s+)?(?:your|` +
      String.raw`the)\s+(?:response|code|solution|implementation|algorithm|codebase|answer|elucidation)`,
  ),
];
