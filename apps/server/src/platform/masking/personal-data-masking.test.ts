import { describe, expect, it } from 'vitest';
import {
  maskAddress,
  maskEmail,
  maskIdNumber,
  maskLandline,
  maskName,
  maskPersonalData,
  maskPersonalFields,
  maskPhone,
} from './personal-data-masking';

describe('masked display of personal data', () => {
  it('keeps the first 3 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('310101199001011234')).toBe('310***********1234');
    expect(maskIdNumber('31010119900101123X')).toBe('310***********123X');
    expect(maskIdNumber('310101900101123')).toBe('310********1123');
    expect(maskIdNumber('1234567')).toBe('*******');
  });

  it('shows a mobile number as 138****5678 and keeps only the ends of other numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86*******5678');
    expect(maskPhone('63211234')).toBe('****1234');
    expect(maskPhone('110')).toBe('***');
  });

  it('keeps the area code and the ends of a landline, and stars an extension whole', () => {
    expect(maskLandline('021-12345678')).toBe('021-1***5678');
    expect(maskLandline('02112345678')).toBe('021-1***5678');
    expect(maskLandline('(021) 6321 1234')).toBe('021-6***1234');
    expect(maskLandline('(0571)8765432')).toBe('0571-8**5432');
    expect(maskLandline('010-87654321')).toBe('010-8***4321');
    expect(maskLandline('0571-8765432')).toBe('0571-8**5432');
    expect(maskLandline('05718765432')).toBe('0571-8**5432');
    expect(maskLandline('021-63211234-8001')).toBe('021-6***1234-****');
    expect(maskLandline('021-63211234转801')).toBe('021-6***1234-***');
    expect(maskLandline('021-63211234 ext. 12')).toBe('021-6***1234-**');
    expect(maskLandline('63211234')).toBe('6***1234');
    expect(maskLandline('138-1234-5678')).toBe('138****5678');
    expect(maskLandline('12345')).toBe('*2345');
    expect(maskLandline('')).toBe('');
  });

  it('masks names by length: 张三 → 张*, 李小明 → 李*明, 欧阳娜娜 → 欧**娜', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李小明')).toBe('李*明');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('𠮷田')).toBe('𠮷*');
    expect(maskName('')).toBe('');
  });

  it('keeps the district part of an address and hides the street and its length', () => {
    expect(maskAddress('上海市黄浦区南京东路100号3号楼')).toBe('上海市黄浦区****');
    expect(maskAddress('上海市黄浦区南京东路1号')).toBe('上海市黄浦区****');
    expect(maskAddress('黄浦区')).toBe('黄****');
    expect(maskAddress('')).toBe('');
  });

  it('keeps the first letter of the mailbox and the domain of an e-mail address', () => {
    expect(maskEmail('zhangsan@example.com')).toBe('z***@example.com');
    expect(maskEmail('not-an-email')).toBe('n***');
  });

  it('dispatches by kind and passes null and undefined through', () => {
    expect(maskPersonalData('13812345678', 'phone')).toBe('138****5678');
    expect(maskPersonalData('021-63211234', 'landline')).toBe('021-6***1234');
    expect(maskPersonalData('310101199001011234', 'id_number')).toBe('310***********1234');
    expect(maskPersonalData(null, 'name')).toBeNull();
    expect(maskPersonalData(undefined, 'email')).toBeUndefined();
  });

  it('masks the listed fields of a record and leaves the others alone', () => {
    const row = { id: 'c-1', name: '张三', phone: '13812345678', idNumber: null, score: 80 };
    expect(
      maskPersonalFields(row, { name: 'name', phone: 'phone', idNumber: 'id_number' }),
    ).toEqual({
      id: 'c-1',
      name: '张*',
      phone: '138****5678',
      idNumber: null,
      score: 80,
    });
    expect(row.phone).toBe('13812345678');
  });
});
