import type { FormItemRule } from 'element-plus';

/** The same policy the server enforces (NFR-SEC-1), checked early so the candidate sees it while typing. */
export const passwordRules: FormItemRule[] = [
  { required: true, message: '请输入密码', trigger: 'blur' },
  {
    trigger: 'blur',
    validator: (_rule, value: string, callback) => {
      const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((r) =>
        r.test(value ?? ''),
      ).length;
      if ((value ?? '').length < 8) callback(new Error('密码长度至少8位'));
      else if (classes < 3)
        callback(new Error('须包含大写字母、小写字母、数字、特殊符号中的至少3类'));
      else callback();
    },
  },
];

// The rules the browser cannot check (user name, ID number, the last 5 passwords) are the
// server's alone; the hint names them so a refusal does not come as a surprise.
export const PASSWORD_HINT =
  '至少8位，包含大写字母、小写字母、数字、特殊符号中的至少3类，不能包含用户名或身份证号，不能与最近5次相同';
