import { idNumberCheckDigit } from '@kaolu/domain';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskLandline, maskPhone } from './personal-data-masking';
import { findUnmaskedPersonalData } from './unmasked-personal-data';

const FIRST_17 = '31010119900101123';
const VALID_ID = FIRST_17 + idNumberCheckDigit(FIRST_17);
const WRONG_CHECK_ID = FIRST_17 + (idNumberCheckDigit(FIRST_17) === '0' ? '1' : '0');
const X_ID = (() => {
  // Find a first-17 whose check character is X, to cover the lower-case x form.
  for (let n = 0; ; n++) {
    const first17 = `3101011990010${String(n).padStart(4, '0')}`;
    if (idNumberCheckDigit(first17) === 'X') return `${first17}x`;
  }
})();

describe('scan for unmasked personal data', () => {
  it('finds clear ID numbers and mobile numbers anywhere in a JSON value', () => {
    const response = {
      data: {
        items: [
          { name: '张*', idNumber: VALID_ID, phone: '138****5678' },
          { name: '李*明', idNumber: maskIdNumber(VALID_ID), contact: '紧急联系人电话13912345678' },
        ],
        owner: { 'emergency-phone': 15012345678, lowerX: X_ID },
      },
    };
    expect(findUnmaskedPersonalData(response)).toEqual([
      '$.data.items[0].idNumber',
      '$.data.items[1].contact',
      '$.data.owner["emergency-phone"]',
      '$.data.owner.lowerX',
    ]);
  });

  it('finds clear landlines with their area code, with or without a dash', () => {
    const contacts = {
      dashed: '021-63211234',
      plain: '02163211234',
      hangzhou: '0571-8765432',
      beijing: '(010)87654321',
      withExtension: '联系电话 021-63211234 转 801',
      masked: maskLandline('021-63211234'),
      maskedPlain: maskLandline('05718765432'),
      localOnly: '63211234',
      unitCode: '0800101',
      longer: '0216321123456',
    };
    expect(findUnmaskedPersonalData(contacts)).toEqual([
      '$.dashed',
      '$.plain',
      '$.hangzhou',
      '$.beijing',
      '$.withExtension',
    ]);
  });

  it('reports maps keyed by a phone number', () => {
    expect(findUnmaskedPersonalData({ byPhone: { '13812345678': 1 } })).toEqual([
      '$.byPhone["13812345678"] (key)',
    ]);
  });

  it('passes masked values, wrong check digits, longer numbers, hashes and timestamps', () => {
    const response = {
      idNumber: maskIdNumber(VALID_ID),
      phone: maskPhone('13812345678'),
      notAnId: WRONG_CHECK_ID,
      orderNo: `9${VALID_ID}`,
      landline: maskLandline('021-63211234'),
      notMobile: '12812345678',
      blindIndex: `ab${'13812345678'}cd`,
      at: '2026-11-28T13:15:39.000Z',
      epochMs: 1764335739000,
      // A UUID whose last group is all digits and reads like 0571 + 23456789.
      requestId: '3f2b9c1e-7d4a-4e2b-9a6f-057123456789',
      url: '/api/candidates/3f2b9c1e-7d4a-4e2b-9a6f-057123456789/profile',
      nothing: null,
      flag: true,
    };
    expect(findUnmaskedPersonalData(response)).toEqual([]);
  });
});
