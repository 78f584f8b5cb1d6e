import { beforeAll, describe, expect, it } from 'vitest';
import { useSpecBrowser } from '../support/browser';
import { createFirstAdmins, startSmsSink, type SmsSink } from '../support/operators';
import { startServer, type RunningServer } from '../support/server';
import { createStaffClient, loginStaff, type StaffClient } from '../support/staff-client';
import { drawJpeg, widestRight } from '../registration/phone-checks';

const HOUR = 3_600_000;
// Born in Xuhui: the city-platform simulator answers "Shanghai hukou" for this ID number.
const ID_NUMBER = '310104199805201235';
const PHONE = '13812340002';
const PASSWORD = 'Exam#2026ok';

/** A small real PDF, the kind a scanner app saves (the server checks the %PDF- signature). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

// ONL-01 in a real browser on the demo data: a greylisted candidate on a phone is refused, follows
// the refusal's link to the problem center, files an appeal with a PDF, answers the org's request
// for more information, and registers once the appeal is approved. The org department works the
// case in the admin portal; support reads the SMS outbox over the API: one text per reply (ONL-01g).
describe('greylist appeal through the problem center', () => {
  let server: RunningServer;
  let sink: SmsSink;
  let org: StaffClient;
  let support: StaffClient;
  let candidate: StaffClient;
  let eventId = '';
  const browser = useSpecBrowser({
    cleanup: async () => {
      await server?.stop();
      sink?.close();
    },
  });

  beforeAll(async () => {
    sink = await startSmsSink();
    const admins = await createFirstAdmins('problems', {
      sysAdmin: '13900000041',
      secAdmin: '13900000042',
      auditor: '13900000043',
    });
    server = await startServer(
      { SMS_PROVIDER: 'http', SMS_HTTP_URL: sink.url, JOBS_POLL_MS: '200' },
      { dataDir: admins.dataDir },
    );
    const sys = await loginStaff(
      server.url,
      'sysadm',
      admins.oneTimePassword('sys_admin'),
      sink.codeFor('13900000041'),
      'Kaolu#Sys2026',
    );
    const sec = await loginStaff(
      server.url,
      'secadm',
      admins.oneTimePassword('sec_admin'),
      sink.codeFor('13900000042'),
      'Kaolu#Sec2026',
    );
    // The org department handles appeals; support reads the SMS outbox.
    const staff = async (username: string, phone: string, role: string, password: string) => {
      const user = await sys.call<{ userId: string; oneTimePassword: string }>(
        'POST',
        '/api/staff-users',
        { username, displayName: username, phone },
      );
      await sec.call('POST', '/api/role-grants', { staffUserId: user.userId, role });
      return loginStaff(server.url, username, user.oneTimePassword, sink.codeFor(phone), password);
    };
    org = await staff('orgappeal', '13900000044', 'org_admin', 'Kaolu#Org2026');
    support = await staff('supportsms', '13900000045', 'support', 'Kaolu#Sup2026');

    // This year's 面上 event, with registration open now.
    const events = await org.call<{ items: Array<{ id: string; status: string }> }>(
      'GET',
      '/api/admin/events?page=1&pageSize=20',
    );
    eventId = events.items.find((e) => e.status === 'registration')!.id;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    await org.call('PATCH', `/api/admin/events/${eventId}`, {
      schedule: [
        { stage: 'exam_registration', startsAt: at(-HOUR), endsAt: at(24 * HOUR) },
        { stage: 'payment', startsAt: at(-HOUR), endsAt: at(24 * HOUR) },
        { stage: 'admission_ticket', startsAt: at(48 * HOUR), endsAt: at(240 * HOUR) },
        { stage: 'written_exam', startsAt: at(240 * HOUR), endsAt: at(243 * HOUR) },
      ],
    });
    // The org department greylists him for this event (REG-01 adjustment, with its reason).
    await org.call('PUT', `/api/admin/events/${eventId}/lists/greylist`, {
      idNumber: ID_NUMBER,
      note: '2024年考试违纪，禁考期未满',
      reason: '考试院通报',
    });

    // The candidate's account and complete profile, made over the API: the registration story
    // already walks these pages, this one is about what happens after the refusal.
    candidate = createStaffClient(server.url);
    await candidate.call('POST', '/api/candidate/auth/sms-code', {
      phone: PHONE,
      purpose: 'register',
    });
    await candidate.call('POST', '/api/candidate/auth/register', {
      name: '周文清',
      idNumber: ID_NUMBER,
      phone: PHONE,
      smsCode: await sink.code(PHONE),
      password: PASSWORD,
    });
    await candidate.call('PUT', '/api/candidate/profile', {
      version: 0,
      document: {
        contact: {
          email: 'zwq@example.com',
          address: '上海市徐汇区漕溪北路100弄5号',
          postalCode: '200030',
        },
        politicalStatus: 'cyl_member',
        hukou: { type: 'shanghai', place: '上海市徐汇区' },
        residencePermit: null,
        education: [
          {
            level: 'bachelor',
            degree: 'bachelor',
            school: '华东师范大学',
            major: '汉语言文学',
            startDate: '2016-09-01',
            endDate: '2020-07-01',
            fullTime: true,
          },
        ],
        work: [],
        abroad: [],
        awards: [],
        studentLeader: [],
        attachments: [],
      },
    });
  }, 240_000);

  it(
    'takes a refused candidate from the appeal link to a successful registration',
    { timeout: 180_000 },
    async () => {
      // The candidate's own session in a 360 px wide phone page.
      const page = await browser.openAs(candidate, server.url, 'phone');
      // The registration photo, drawn by the browser and uploaded with the session's CSRF token.
      await page.goto(`${server.url}/profile`);
      const jpeg = [...(await drawJpeg(page, 120, 160))];
      const uploaded = await page.evaluate(async (bytes) => {
        const csrf = /kaolu_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg');
        const headers = { 'x-csrf-token': decodeURIComponent(csrf) };
        const photo = await fetch('/api/candidate/profile/photo', {
          method: 'POST',
          body: form,
          headers,
        });
        const confirm = await fetch('/api/candidate/profile/photo/confirm', {
          method: 'POST',
          headers,
        });
        return [photo.status, confirm.status];
      }, jpeg);
      expect(uploaded).toEqual([200, 200]);

      // Refused as greylisted: the refusal links to the appeal instead of a dead end, and the
      // link opens the form with the appeal type and this event already chosen.
      await page.goto(`${server.url}/registrations/new/${eventId}`);
      await page.getByTestId('exam-category').getByText('综合管理类').click();
      await page.getByTestId('precheck').click();
      const refused = page.getByTestId('register-refused');
      await refused.waitFor();
      expect(await refused.innerText()).toContain('灰名单');
      await page.getByTestId('fix-link').click();
      await page.waitForURL('**/problems/new?**');
      expect(await page.getByTestId('problem-type').innerText()).toContain('灰名单申诉');

      // The appeal with a PDF, filed on the phone; the page must stay within 360 px.
      await page
        .getByTestId('problem-body')
        .fill('本人2024年考试违纪处理已于2025年撤销，附撤销决定书。');
      await page
        .getByTestId('evidence-upload')
        .locator('input[type=file]')
        .setInputFiles({ name: '撤销决定书.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('evidence-item').waitFor();
      expect((await widestRight(page)).right).toBeLessThanOrEqual(360);
      await page.getByTestId('problem-submit').click();
      await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
      expect(await page.getByTestId('problem-status').innerText()).toBe('已提交');
      // The case page's address carries its id: the org's API steps address the same case.
      const caseId = page.url().split('/').pop()!;

      // The org department finds it in its queue, accepts it and asks for more information, in
      // the admin portal on a desktop.
      const admin = await browser.openAs(org, server.url, 'desktop');
      await admin.goto(`${server.url}/admin/problems`);
      // The table's body rows only: Element Plus also renders the cell slot in hidden measuring cells.
      const opener = admin.locator('.el-table__body').getByTestId('queue-open').first();
      await opener.waitFor();
      await opener.click();
      await admin.waitForURL(`**/admin/problems/${caseId}`);
      // To call him, the handler opens his phone with a reason (NFR-SEC-3: audited, shown once).
      await admin.getByTestId('reveal-phone').click();
      await admin.getByTestId('reveal-reason').fill('电话联系考生补充申诉材料');
      await admin.getByTestId('reveal-confirm').click();
      expect(await admin.getByTestId('reveal-value').innerText()).toBe(PHONE);
      await admin.getByTestId('reveal-close').click();
      const target = (label: string) =>
        admin.getByTestId('handle-target').getByText(label, { exact: true }).click();
      await target('处理中');
      await admin.getByTestId('handle-apply').click();
      await admin.getByTestId('handle-status').getByText('处理中').waitFor();
      await admin.getByTestId('handle-template').click();
      await admin.locator('.el-select-dropdown__item:visible', { hasText: '请补充材料' }).click();
      await admin.getByTestId('handle-reply').fill('请补充原处理决定的撤销文件盖章页。');
      await target('待补充材料');
      await admin.getByTestId('handle-apply').click();
      await admin.getByTestId('handle-status').getByText('待补充材料').waitFor();
      // What the candidate sees on opening the page again after the SMS.
      await page.reload();
      expect(await page.getByTestId('problem-status').innerText()).toBe('待补充材料');
      expect(await page.getByTestId('problem-history').innerText()).toContain('盖章页');
      // The answer with a second PDF: the case goes back to review.
      await page.getByTestId('answer-body').fill('已补充盖章页，见附件。');
      await page
        .getByTestId('evidence-upload')
        .locator('input[type=file]')
        .setInputFiles({ name: '盖章页.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('evidence-item').waitFor();
      await page.getByTestId('answer-submit').click();
      await page.getByTestId('problem-status').getByText('处理中').waitFor();

      // Approved in the admin portal (confirmed: the effect cannot be undone); the next attempt
      // passes the greylist check and the registration is saved.
      await admin.reload();
      expect(await admin.getByTestId('problem-history').innerText()).toContain('已补充盖章页');
      await admin.getByTestId('handle-reply').fill('经核实，申诉成立，请重新报名。');
      await target('已通过');
      await admin.getByTestId('handle-apply').click();
      await admin.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
      await admin.getByTestId('handle-status').getByText('已通过').waitFor();
      await page.goto(`${server.url}/registrations/new/${eventId}`);
      await page.getByTestId('exam-category').getByText('综合管理类').click();
      await page.getByTestId('precheck').click();
      await page.getByTestId('precheck-verdict').getByText('自动核验通过').waitFor();
      await page.getByTestId('submit-registration').click();
      await page.waitForURL('**/registrations?highlight=*');

      // Two replies (more information, approval): exactly two texts in the outbox, none for the
      // status changes without a reply.
      const outbox = async () =>
        (
          await support.call<{ items: Array<{ purpose: string; content: string }> }>(
            'GET',
            '/api/sms/messages?page=1&pageSize=200',
          )
        ).items.filter((m) => m.purpose === 'problem_reply');
      for (let i = 0; i < 50 && (await outbox()).length < 2; i++)
        await new Promise((resolve) => setTimeout(resolve, 200));
      // A moment more, so a duplicate sent by a retried job would be caught too.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const replies = await outbox();
      expect(replies).toHaveLength(2);
      expect(replies.every((m) => m.content.includes('有新答复'))).toBe(true);
    },
  );
});
