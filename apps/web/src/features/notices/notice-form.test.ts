import { describe, expect, it } from 'vitest';
import {
  emptyNoticeForm,
  noticeCreateBody,
  noticeUpdateBody,
  parseCandidateIds,
} from './notice-form';

describe('notice form', () => {
  it('splits pasted candidate ids on spaces, new lines and ASCII or full-width commas', () => {
    expect(parseCandidateIds('a1, b2，c3\n d4\t\te5')).toEqual(['a1', 'b2', 'c3', 'd4', 'e5']);
  });

  it('answers no ids for a blank field', () => {
    expect(parseCandidateIds('  \n ，, ')).toEqual([]);
  });

  it('builds the create body with the kind and the parsed ids', () => {
    const form = {
      ...emptyNoticeForm(),
      kind: 'interview' as const,
      title: '面试通知',
      body: '正文',
      candidateIds: 'x\ny',
    };
    expect(noticeCreateBody(form)).toEqual({
      kind: 'interview',
      title: '面试通知',
      body: '正文',
      candidateIds: ['x', 'y'],
    });
  });

  it('leaves a blank change note out of the update body and keeps a filled one', () => {
    const form = { ...emptyNoticeForm(), title: 't', body: 'b' };
    expect(noticeUpdateBody(form)).toEqual({
      title: 't',
      body: 'b',
      candidateIds: [],
      changeNote: undefined,
    });
    expect(noticeUpdateBody({ ...form, changeNote: '改期' }).changeNote).toBe('改期');
  });

  it('starts a new notice as an empty announcement', () => {
    expect(emptyNoticeForm()).toEqual({
      kind: 'announcement',
      title: '',
      body: '',
      candidateIds: '',
      changeNote: '',
    });
  });
});
