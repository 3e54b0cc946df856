import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CourseFields,
  ListSessionsInput,
  OrganisationFields,
  PersonFields,
  SearchInput,
  SessionFields,
  SetUpDeviceInput,
  VenueFields,
  procedures,
} from '../../shared/contract';
import { FieldbookError } from '../../shared/errors';
import { fieldErrors, parseOrThrow } from '../../shared/validation';
import { startsWithWhatToDo } from '../support/refusal-rule';

const courseId = '0195f0a4-3b2c-7d1e-8f00-0123456789ab';
const venueId = '0195f0a4-3b2c-7d1e-8f00-ba9876543210';

const validSession = {
  courseId,
  venueId,
  startsAt: '2026-03-12T09:30',
  endsAt: '2026-03-12T12:30',
  capacity: 12,
  facilitators: ['Amina Yusuf'],
};

const validPerson = { givenName: 'Amina', familyName: 'Yusuf' };

describe('text people type', () => {
  it('is trimmed before it is saved', () => {
    expect(OrganisationFields.parse({ name: '  Riverside Hall  ', sector: 'vcse' }).name).toBe('Riverside Hall');
    const person = PersonFields.parse({ givenName: '\tAmina ', familyName: ' Yusuf\n', phone: ' 07700 900123 ' });
    expect(person).toMatchObject({ givenName: 'Amina', familyName: 'Yusuf', phone: '07700 900123' });
    expect(CourseFields.parse({ title: ' First aid ', durationMinutes: 60, learningOutcomes: ['  Call for help '] })).toMatchObject({
      title: 'First aid',
      learningOutcomes: ['Call for help'],
    });
  });

  it('refuses a name that is only spaces, in plain words', () => {
    expect(fieldErrors(OrganisationFields, { name: '   ', sector: 'vcse' })).toEqual({ name: 'Enter the organisation name.' });
    expect(fieldErrors(PersonFields, { givenName: ' \t\n ', familyName: 'Yusuf' })).toEqual({ givenName: 'Enter the given name.' });
    expect(fieldErrors(VenueFields, { name: '  ', address: '1 High Street' })).toEqual({ name: 'Enter the venue name.' });
    expect(fieldErrors(SetUpDeviceInput, { role: 'laptop', name: '    ' })).toEqual({ name: 'Enter the device name.' });
  });

  it('refuses a learning outcome that is only spaces, naming which one', () => {
    expect(fieldErrors(CourseFields, { title: 'First aid', durationMinutes: 60, learningOutcomes: ['Call for help', '  '] })).toEqual({
      'learningOutcomes.1': 'Enter each learning outcome.',
    });
  });

  it('stores an optional answer left blank as no answer at all', () => {
    const person = PersonFields.parse({ ...validPerson, preferredName: '   ', email: '', phone: ' ' });
    expect(person).toMatchObject({ preferredName: null, email: null, phone: null });
  });

  it('refuses text that is too long, saying how long it may be', () => {
    expect(fieldErrors(OrganisationFields, { name: 'x'.repeat(201), sector: 'other' })).toEqual({
      name: 'Shorten the organisation name to 200 characters or fewer.',
    });
  });
});

describe('email addresses', () => {
  it('accepts an address and trims it', () => {
    expect(PersonFields.parse({ ...validPerson, email: '  amina@example.org ' }).email).toBe('amina@example.org');
  });

  it.each(['amina', 'amina@', '@example.org', 'amina@example', 'amina yusuf@example.org', 'amina@@example.org'])(
    'refuses "%s" and shows what an address looks like',
    (email) => {
      expect(fieldErrors(PersonFields, { ...validPerson, email })).toEqual({ email: 'Enter the email address in the right form, like name@example.org.' });
    },
  );
});

describe('dates', () => {
  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-04-31', '2026-00-10'])('refuses %s, which is not a real date', (date) => {
    expect(fieldErrors(PersonFields, { ...validPerson, membershipJoinedOn: date })).toEqual({
      membershipJoinedOn: 'Enter a real date for the membership joined date, for example 2026-03-12.',
    });
  });

  it('accepts 29 February in a leap year', () => {
    expect(PersonFields.parse({ ...validPerson, membershipJoinedOn: '2028-02-29' }).membershipJoinedOn).toBe('2028-02-29');
  });

  it('refuses a date in another layout with an example of the right one', () => {
    expect(fieldErrors(PersonFields, { ...validPerson, membershipJoinedOn: '12/03/2026' })).toEqual({
      membershipJoinedOn: 'Enter the membership joined date as a date, for example 2026-03-12.',
    });
  });

  it('refuses a session starting on a day that does not exist', () => {
    expect(fieldErrors(SessionFields, { ...validSession, startsAt: '2026-02-30T09:30', endsAt: '2026-03-01T12:30' })).toEqual({
      startsAt: 'Enter a real date for the start, for example 2026-03-12T09:30.',
    });
  });
});

describe('session times', () => {
  it('refuses a session that ends before it starts, and says so on the end time', () => {
    const errors = fieldErrors(SessionFields, { ...validSession, startsAt: '2026-03-12T13:00', endsAt: '2026-03-12T12:30' });
    expect(errors).toEqual({ endsAt: 'Enter an end time after the start.' });
  });

  it('refuses a session that ends the moment it starts', () => {
    expect(fieldErrors(SessionFields, { ...validSession, endsAt: validSession.startsAt })).toEqual({
      endsAt: 'Enter an end time after the start.',
    });
  });

  // Known bug: localDateTime in shared/contract/common.ts checks only the date
  // part, so a time of day like 25:99 is accepted. Remove `.fails` once fixed.
  it('refuses a time of day that does not exist', () => {
    expect(fieldErrors(SessionFields, { ...validSession, startsAt: '2026-03-12T25:99', endsAt: '2026-03-12T26:30' })).toHaveProperty(
      'startsAt',
    );
  });

  it('accepts a session that runs past midnight', () => {
    expect(SessionFields.safeParse({ ...validSession, startsAt: '2026-03-12T20:00', endsAt: '2026-03-13T01:00' }).success).toBe(true);
  });
});

describe('unexpected information', () => {
  it('is refused rather than silently dropped', () => {
    expect(fieldErrors(OrganisationFields, { name: 'Riverside Hall', sector: 'vcse', chairperson: 'Sam' })).toEqual({
      _: 'Try again from the screen: some unexpected information was sent with this request.',
    });
  });

  it('is refused inside an update too', () => {
    const update = procedures['venues.update'].input;
    const errors = fieldErrors(update, { id: venueId, version: '', fields: { name: 'Hall', address: '1 High St', parking: true } });
    expect(Object.values(errors)).toEqual(['Try again from the screen: some unexpected information was sent with this request.']);
  });
});

describe('defaults', () => {
  it('fills in what a caller may leave out', () => {
    expect(SearchInput.parse({})).toEqual({ query: '', limit: 100 });
    expect(ListSessionsInput.parse({})).toEqual({ query: '', limit: 300 });
    expect(SessionFields.parse(validSession).status).toBe('scheduled');
    expect(PersonFields.parse(validPerson)).toEqual({
      ...validPerson,
      preferredName: null,
      email: null,
      phone: null,
      organisationId: null,
      membershipJoinedOn: null,
    });
    expect(VenueFields.parse({ name: 'Hall', address: '1 High Street' }).accessNotes).toBeNull();
    expect(CourseFields.parse({ title: 'First aid', durationMinutes: 60, learningOutcomes: ['Call for help'] }).description).toBeNull();
  });
});

describe('error messages', () => {
  it('name each wrong field in words a facilitator can act on', () => {
    expect(fieldErrors(CourseFields, { title: 'First aid', durationMinutes: '60', learningOutcomes: [] })).toEqual({
      durationMinutes: 'Enter the duration in minutes, for example 90.',
      learningOutcomes: 'Add at least one learning outcome.',
    });
    expect(fieldErrors(SessionFields, { ...validSession, capacity: 0, courseId: 'abc' })).toMatchObject({
      capacity: 'Enter at least 1 place.',
      courseId: 'Choose again from the list: that record reference is not one Fieldbook made.',
    });
    expect(fieldErrors(OrganisationFields, { name: 'Hall' })).toEqual({
      sector: 'Choose a sector: statutory, voluntary and community (VCSE), or other.',
    });
  });

  it('say what to do on a field labelled Places, with an example', () => {
    expect(fieldErrors(SessionFields, { ...validSession, capacity: 'twenty' })).toEqual({ capacity: 'Enter the number of places, for example 20.' });
    expect(fieldErrors(SessionFields, { ...validSession, courseId: undefined, venueId: undefined })).toEqual({ courseId: 'Choose the course.', venueId: 'Choose the venue.' });
  });

  it('come back as one INVALID_INPUT error that counts the fields to check', () => {
    let thrown: unknown;
    try {
      parseOrThrow(VenueFields, { name: ' ', address: 42 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FieldbookError);
    const error = thrown as FieldbookError;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('Please check 2 fields. Enter the venue name.');
    expect(error.fields).toEqual({ name: 'Enter the venue name.', address: 'Enter the address as text.' });
  });

  it('are whole sentences without developer jargon, whatever junk is sent to any procedure', () => {
    const names = Object.keys(procedures) as (keyof typeof procedures)[];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.anything(), (name, input) => {
        for (const message of Object.values(fieldErrors(procedures[name].input, input))) {
          expect(message).toMatch(/^[A-Z].*\.$/s);
          expect(message).not.toMatch(/\bexpected\b|\breceived\b|invalid input|undefined|NaN|\[object/i);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('start with an instruction ("Enter …", "Choose …", "Shorten …"), whatever junk is sent to any procedure', () => {
    // The same rule as the core's refusals (tests/support/refusal-rule.ts, docs/development.md).
    const names = Object.keys(procedures) as (keyof typeof procedures)[];
    const statements = new Set<string>();
    const check = (name: string, input: unknown) => {
      for (const message of Object.values(fieldErrors(procedures[name as keyof typeof procedures].input, input))) {
        if (!startsWithWhatToDo(message)) statements.add(`${name}: ${message}`);
      }
    };
    fc.assert(fc.property(fc.constantFrom(...names), fc.anything(), (name, input) => check(name, input)), { numRuns: 300 });
    for (const name of names) {
      const input = procedures[name].input;
      if (!(input instanceof z.ZodObject)) continue;
      const keys = Object.keys(input.shape as Record<string, unknown>);
      for (const junk of [42, '', 'x'.repeat(5000), [], { a: 1 }, null, -1, 'not-a-date']) check(name, Object.fromEntries(keys.map((key) => [key, junk])));
    }
    expect([...statements]).toEqual([]);
  });

  it('start with what to do, never "X is required" or "X must be"', () => {
    const names = Object.keys(procedures) as (keyof typeof procedures)[];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.anything(), (name, input) => {
        for (const message of Object.values(fieldErrors(procedures[name].input, input))) {
          expect(message).not.toMatch(/\bis required\b|\bmust be\b|\binvalid\b/i);
        }
      }),
      { numRuns: 300 },
    );
    // Junk rarely reaches a form's own fields, so each field is also sent a wrong type, nothing and too much.
    for (const name of names) {
      const input = procedures[name].input;
      if (!(input instanceof z.ZodObject)) continue;
      const keys = Object.keys(input.shape as Record<string, unknown>);
      for (const junk of [42, '', 'x'.repeat(5000), [], { a: 1 }]) {
        for (const message of Object.values(fieldErrors(input, Object.fromEntries(keys.map((key) => [key, junk]))))) {
          expect(message, name).not.toMatch(/\bis required\b|\bmust be\b|\binvalid\b/i);
        }
      }
    }
  });
});
