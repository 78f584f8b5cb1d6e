import { describe, expect, it } from 'vitest';
import { kaoluModules } from '../../module-registry';
import { checkModuleOrder, findCycle } from './module-registry';

const m = (name: string, ...dependsOn: string[]) => ({ name, dependsOn });

describe('module registry order (NFR-MNT-1)', () => {
  it('accepts the application registry: every module after its dependencies, no cycle', () => {
    expect(() => checkModuleOrder(kaoluModules())).not.toThrow();
  });

  it('refuses a module listed before a module it depends on', () => {
    expect(() => checkModuleOrder([m('payments', 'registrations'), m('registrations')])).toThrow(
      'module payments is listed before registrations, which it depends on',
    );
  });

  it('refuses a dependency cycle and names it', () => {
    expect(() =>
      checkModuleOrder([m('applications', 'review'), m('review', 'applications')]),
    ).toThrow('module dependency cycle: applications → review → applications');
    expect(findCycle([m('a', 'b'), m('b', 'c'), m('c', 'a')])).toEqual(['a', 'b', 'c', 'a']);
  });

  it('refuses an unknown dependency and a module registered twice', () => {
    expect(() => checkModuleOrder([m('tickets', 'seats')])).toThrow(
      'module tickets depends on seats, which is not registered',
    );
    expect(() => checkModuleOrder([m('units'), m('units')])).toThrow(
      'module units is registered twice',
    );
  });
});
