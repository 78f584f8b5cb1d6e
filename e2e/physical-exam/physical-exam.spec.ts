import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATE, poll, prepareSelection, type Selection } from '../applications/selection-setup';
import { widestRight } from '../registration/phone-checks';
import { saveScreenshot, useSpecBrowser } from '../support/browser';
import type { StaffClient } from '../support/staff-client';

// Physical exam, hospital results and change approval (§7, INT-09g, HOS) in a real browser: the
// org builds the list from a published composite and assigns the candidate to a hospital; the
// hospital's user enters the result and asks for a change; the org moves it from the exchange
// store and approves; the hospital sees the decision, and the candidate his result and the
// re-check button on a phone. Application, lists and composite are set up through the API.

async function scoreSheet(ticket: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('面试成绩');
  ws.addRow(['准考证号', '结构化面试成绩', '专业面试成绩', '缺考']);
  ws.addRow([ticket, '85.5', '', '']);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('physical exam through the hospital portal', () => {
  let s: Selection;
  let hospital: StaffClient;
  const browser = useSpecBrowser({ cleanup: () => s?.close() });
  const shot = async (page: Page, name: string) => {
    if (process.env.E2E_SCREENSHOTS === '1') await saveScreenshot(page, name);
  };

  beforeAll(async () => {
    s = await prepareSelection();
    const applied = await s.candidate.call<{ id: string }>('POST', '/api/candidate/applications', {
      eventId: s.event.id,
      positionId: s.position.id,
    });
    await s.reviewer.call('POST', `/api/admin/reviews/${applied.id}/decision`, {
      outcome: 'approve',
      reasonCode: 'conditions_met',
    });
    const lists = `/api/admin/events/${s.event.id}/interview-lists`;
    await s.org.call('POST', `${lists}/compute`);
    await s.org.call('POST', `${lists}/confirm`, {});
    // The one listed candidate's ticket, as the composite ranking names him.
    const composite = `/api/admin/events/${s.event.id}/composite`;
    const detail = await s.org.call<{ rows: Array<{ ticketNumber: string }> }>(
      'GET',
      `${composite}/positions/${s.position.id}`,
    );
    await s.org.call('POST', `${composite}/import`, {
      fileBase64: await scoreSheet(detail.rows[0]!.ticketNumber),
    });
    await s.org.call('POST', `${composite}/compute`);
    await s.org.call('POST', `${composite}/publish`);
    const unit = await s.org.call<{ id: string }>('POST', '/api/admin/units', {
      code: 'HOSP-E2E',
      name: '市第一人民医院体检中心',
      kind: 'hospital',
    });
    hospital = await s.staff('hospe2e', '体检中心医生', '13900000047', {
      role: 'hospital',
      unitId: unit.id,
    });
  }, 400_000);

  it(
    'builds and assigns the list, takes the hospital result and a change, approved by the org',
    { timeout: 240_000 },
    async () => {
      const url = s.server.url;
      const desk = await browser.openAs(s.org, url);
      await desk.goto(`${url}/admin/physical-exam`);
      await desk.getByTestId('pe-event').click();
      await desk.locator('.el-select-dropdown__item:visible', { hasText: s.event.name }).click();
      await desk.getByTestId('pe-build').click();
      await desk.getByText('体检名单共 1 人，本次新增 1 人').waitFor();
      const list = desk.getByTestId('pe-list');
      await list.getByText('未安排').waitFor();
      await list.locator('.el-checkbox').last().click();
      await desk.getByTestId('pe-assign').click();
      await desk.getByTestId('pe-assign-hospital').click();
      await desk
        .locator('.el-select-dropdown__item:visible', { hasText: '市第一人民医院体检中心' })
        .click();
      await desk.getByPlaceholder('北京时间').fill('2027-03-01 08:30');
      await desk.keyboard.press('Enter');
      await desk.getByTestId('pe-assign-place').fill('门诊楼三楼体检中心');
      await desk.getByTestId('pe-assign-save').click();
      await desk.getByText('已安排 1 名考生，并已通知考生').waitFor();
      // Shanghai wall time as entered, whatever the browser's zone.
      await list.getByText('2027/03/01 08:30').waitFor();
      await shot(desk, 'physical-exam-1-assigned');

      // The hospital enters 合格; it waits in the exchange store until moved.
      const doc = await browser.openAs(hospital, url, 'tablet');
      await doc.goto(`${url}/hospital/physical-exam`);
      const orders = doc.getByTestId('hospital-orders');
      await orders.getByText('门诊楼三楼体检中心').waitFor();
      await doc.locator('[data-testid=hospital-enter]:visible').click();
      await doc.getByTestId('hospital-result-save').click();
      await orders.getByText('待同步').waitFor();

      // The org moves it now instead of waiting for the timer.
      await desk.getByRole('tab', { name: '结果变更审批' }).click();
      await desk.getByTestId('pe-sync').click();
      await desk.getByText('已完成').first().waitFor();
      await poll(async () => {
        await doc.reload();
        return (await orders.innerText()).includes('合格') ? true : undefined;
      }, 'the recorded result');

      // A change to 不合格 with the failed item and why.
      await doc.locator('[data-testid=hospital-change]:visible').click();
      await doc.getByTestId('hospital-result').getByText('不合格').click();
      await doc.getByTestId('hospital-add-item').click();
      await doc.getByPlaceholder('项目，如 血压').fill('血压');
      await doc.getByPlaceholder('说明').fill('160/100 mmHg');
      await doc.getByTestId('hospital-change-reason').fill('复核血压记录有误');
      await doc.getByTestId('hospital-result-save').click();
      await orders.getByText('变更待审批').waitFor();
      expect(await orders.innerText()).toContain('合格');
      expect(await doc.getByTestId('hospital-submissions').innerText()).toContain('待同步');
      await shot(doc, 'physical-exam-2-hospital');

      // The org moves and approves the change (confirmed first).
      await desk.getByTestId('pe-sync').click();
      const changes = desk.getByTestId('pe-changes');
      await changes.getByText('复核血压记录有误').waitFor();
      await desk.locator('[data-testid=pe-approve]:visible').click();
      await desk
        .locator('.el-message-box')
        .getByRole('button', { name: /确定|OK/ })
        .click();
      await desk.getByText('已批准').first().waitFor();
      await shot(desk, 'physical-exam-3-approved');

      // The hospital sees the decision and the result as it now stands.
      await doc.reload();
      await doc.getByTestId('hospital-submissions').getByText('已批准').waitFor();
      expect(await orders.innerText()).toContain('不合格（血压：160/100 mmHg）');

      // The candidate, on a phone, reads his result and may ask for a re-check.
      const phone = await browser.open('phone');
      await phone.goto(`${url}/login`);
      await phone.getByTestId('login-account').fill(CANDIDATE.idNumber);
      await phone.getByTestId('login-password').fill(CANDIDATE.password);
      await phone.getByTestId('login-submit').click();
      await phone.getByTestId('account-info').waitFor();
      await phone.goto(`${url}/physical-exam`);
      const mine = phone.getByTestId('my-physical-exam');
      await mine.waitFor();
      expect(await mine.getByTestId('my-physical-initial').innerText()).toContain('不合格');
      await phone.getByTestId('my-physical-recheck').click();
      await phone
        .locator('.el-message-box')
        .getByRole('button', { name: /确定|OK/ })
        .click();
      await mine.getByText('申请复检，等待安排').waitFor();
      await shot(phone, 'physical-exam-4-candidate');
      expect((await widestRight(phone)).right).toBeLessThanOrEqual(360);
    },
  );
});
