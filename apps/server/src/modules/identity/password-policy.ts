/** Who the password belongs to: it must not contain the login name or the ID number. */
export type PasswordOwner = {
  username?: string | null;
  idNumber?: string | null;
  phone?: string | null;
};

const MIN_LENGTH = 8;

/**
 * The password rules of NFR-SEC-1: at least 8 characters with at least 3 of upper case, lower case,
 * digit and symbol, not containing the user name or ID number. Returns every problem in Chinese,
 * naming exactly what is missing (empty when the password is acceptable).
 */
export function checkPasswordPolicy(password: string, owner: PasswordOwner = {}): string[] {
  const problems: string[] = [];
  if (password.length < MIN_LENGTH)
    problems.push(`密码长度至少${MIN_LENGTH}位，当前只有${password.length}位`);
  const classes = [
    { label: '大写字母', present: /[A-Z]/.test(password) },
    { label: '小写字母', present: /[a-z]/.test(password) },
    { label: '数字', present: /\d/.test(password) },
    { label: '特殊符号', present: /[^A-Za-z0-9]/.test(password) },
  ];
  const present = classes.filter((c) => c.present).length;
  if (present < 3) {
    const missing = classes.filter((c) => !c.present).map((c) => c.label);
    problems.push(
      `密码须包含大写字母、小写字母、数字、特殊符号中的至少3类，还缺少${3 - present}类（可添加：${missing.join('、')}）`,
    );
  }
  const lower = password.toLowerCase();
  if (
    owner.username &&
    owner.username.length >= 3 &&
    lower.includes(owner.username.toLowerCase())
  ) {
    problems.push('密码不能包含用户名');
  }
  if (owner.idNumber && containsIdNumber(lower, owner.idNumber.toLowerCase()))
    problems.push('密码不能包含身份证号');
  if (owner.phone && lower.includes(owner.phone)) problems.push('密码不能包含手机号');
  return problems;
}

/** The whole number, or its last 6 characters (the part people reuse as a password). */
function containsIdNumber(password: string, idNumber: string): boolean {
  return (
    password.includes(idNumber) || (idNumber.length >= 6 && password.includes(idNumber.slice(-6)))
  );
}

/** Message for a password equal to one of the last five. */
export const PASSWORD_REUSED_MESSAGE = '新密码不能与最近5次使用过的密码相同';
/** How many past passwords a new one is compared with (NFR-SEC-1). */
export const PASSWORD_HISTORY_DEPTH = 5;
