import { describe, expect, it } from 'vitest';
import { procedures } from '../../shared/contract';
import { staffRoles } from '../../shared/contract/staff';
import { procedureRoles, roleMayCall } from '../../shared/staff-roles';

describe('the table of which staff roles may call each procedure', () => {
  it('names every procedure, and nothing else', () => {
    expect(Object.keys(procedureRoles).sort()).toEqual(Object.keys(procedures).sort());
  });

  it('lets admins call everything, and gives every procedure at least one role', () => {
    for (const [name, roles] of Object.entries(procedureRoles)) {
      expect({ name, admin: roles.includes('admin') }).toEqual({ name, admin: true });
      for (const role of roles) expect(staffRoles).toContain(role);
    }
  });

  it('lets a viewer change nothing', () => {
    const viewerWrites = Object.entries(procedureRoles).filter(([name, roles]) => roles.includes('viewer') && procedures[name as keyof typeof procedures].kind === 'mutation');
    expect(viewerWrites).toEqual([]);
  });

  it('keeps downloads of people’s details from viewers, and staff, devices and erasure for admins', () => {
    expect(roleMayCall('viewer', 'exports.download')).toBe(false);
    expect(roleMayCall('viewer', 'subjectAccess.spreadsheet')).toBe(false);
    expect(roleMayCall('viewer', 'reports.export')).toBe(true);
    for (const name of ['staff.add', 'pairing.enrol', 'pairing.revoke', 'erasure.erase', 'settings.renameDevice', 'backup.restore'] as const) {
      expect({ name, coordinator: roleMayCall('coordinator', name) }).toEqual({ name, coordinator: false });
    }
    expect(roleMayCall(null, 'erasure.erase')).toBe(true);
  });
});
