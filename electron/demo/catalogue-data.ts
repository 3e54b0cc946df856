import type { ProcedureInput, Sector } from '../../shared/contract';

/**
 * The demo catalogue: a fictional city ("Westbrook", postcodes WB, which no
 * real UK area uses) so nothing in a demo or screenshot points at a real
 * organisation. Email domains end in .example, which can never be delivered.
 */

export const CULTURAL_COMPETENCY_TITLE = 'Cultural Competency: working with ethnically marginalised people in health settings';
export const REFUGEE_HEALTH_TITLE = 'Supporting refugees and people seeking asylum to access health care';

export const demoCourses: ProcedureInput<'courses.create'>[] = [
  {
    title: CULTURAL_COMPETENCY_TITLE,
    description:
      'A half-day interactive session for health and care staff, volunteers and community groups. We look at what culture ' +
      'means, who lives in our communities and what stops people using services, and share practice that works. ' +
      'Delivered with local community organisations.',
    durationMinutes: 180,
    learningOutcomes: [
      'Explore what we mean by culture',
      'Understand the diverse and intersecting characteristics of local communities',
      'Develop skills to identify barriers to accessing services',
      'Recognise good practice',
      'Feel more confident in working with different communities',
    ],
  },
  {
    title: 'Health equity in practice: understanding and reducing health inequalities',
    description:
      'Why some groups in Westbrook live shorter lives in poorer health, and what a team can change. Uses local data and ' +
      'case studies from GP practices and community services.',
    durationMinutes: 150,
    learningOutcomes: [
      'Describe the main causes of health inequalities in our area',
      'Use local data to see who is missing from a service',
      'Plan one practical change to make a service fairer',
      'Know which local partners can help',
    ],
  },
  {
    title: 'Working well with interpreters',
    description:
      'For reception, clinical and community staff. How to book and work with a professional interpreter, face to face, ' +
      'by phone and by video, including British Sign Language.',
    durationMinutes: 120,
    learningOutcomes: [
      'Know when and how to book a professional interpreter',
      'Understand why family members and children should not interpret',
      'Plan and run a three-way conversation',
      'Record a person’s language and communication needs accurately',
    ],
  },
  {
    title: REFUGEE_HEALTH_TITLE,
    description:
      'Entitlements, registration with a GP, the effects of trauma and displacement, and the local organisations that help.',
    durationMinutes: 180,
    learningOutcomes: [
      'Understand entitlements to NHS care for refugees and people seeking asylum',
      'Recognise the impact of trauma and displacement on health',
      'Identify practical barriers such as registering with a GP',
      'Know which local organisations can support people',
    ],
  },
];

export interface DemoContract {
  fields: ProcedureInput<'contracts.create'>;
  /** The courses whose sessions it pays for; the others' sessions are paid-for / other. */
  courseTitles: string[];
}

/**
 * The funders. The city's public-health contract pays for the core course,
 * which runs far more often than the rest, so most sessions fall under it;
 * its year starts on 1 August, as such contracts often do.
 */
export const demoContracts: DemoContract[] = [
  {
    fields: { name: 'Public Health Equity 2026', funder: 'Westbrook City Council Public Health', yearStarts: '08-01' },
    courseTitles: [CULTURAL_COMPETENCY_TITLE],
  },
  {
    fields: { name: 'Refugee Health Access', funder: 'Westbrook Integrated Care Board', yearStarts: '04-01' },
    courseTitles: [REFUGEE_HEALTH_TITLE],
  },
];

export interface DemoVenue {
  fields: ProcedureInput<'venues.create'>;
  /** The most people the room takes comfortably, so capacities stay believable. */
  roomCapacity: number;
  /** Church halls and community centres are the rooms open in the evening. */
  eveningsAvailable: boolean;
}

export const demoVenues: DemoVenue[] = [
  {
    fields: {
      name: 'Hope Street Community Centre',
      address: 'Main Hall, Hope Street Community Centre, 14 Hope Street, Westbrook WB2 3LQ',
      accessNotes:
        'Step-free access from the car park on Mill Lane. Hearing loop in the main hall. Accessible toilet on the ground ' +
        'floor. A quiet room is available for prayer on request.',
    },
    roomCapacity: 30,
    eveningsAvailable: true,
  },
  {
    fields: {
      name: "St Aidan's Church Hall",
      address: "St Aidan's Church Hall, Vicarage Road, Westbrook WB4 7HS",
      accessNotes:
        'Two steps at the front door; use the ramp at the side entrance and ring the bell. No fixed hearing loop: bring ' +
        'the portable loop. The heating comes on at 9:00, so set up from then.',
    },
    roomCapacity: 25,
    eveningsAvailable: true,
  },
  {
    fields: {
      name: 'Westbrook Museum Learning Room',
      address: 'Learning Room (first floor), Westbrook Museum, Crown Square, Westbrook WB1 1AA',
      accessNotes:
        'Lift to the first floor from the main entrance. Hearing loop in the learning room. Use the staff entrance on ' +
        'Museum Lane before 10:00. No food or drink in the galleries.',
    },
    roomCapacity: 20,
    eveningsAvailable: false,
  },
  {
    fields: {
      name: 'Canal Side Medical Centre meeting room',
      address: 'Meeting Room, Canal Side Medical Centre, 2 Wharf Road, Westbrook WB3 9DN',
      accessNotes:
        'Step-free, ground floor. Sign in at reception. Hearing loop at reception only. No visitor Wi-Fi, so bring ' +
        'everything on the laptop. Free parking after 9:30.',
    },
    roomCapacity: 14,
    eveningsAvailable: false,
  },
];

export interface DemoOrganisation {
  name: string;
  sector: Sector;
  /** Staff email addresses use this; .example so nothing is ever sent. */
  emailDomain: string;
  /** Partners in the membership scheme, whose joining staff must train within 6 months. */
  membershipPartner: boolean;
  /** Relative number of staff and volunteers who come to sessions. */
  size: number;
}

const org = (name: string, sector: Sector, emailDomain: string, size: number, membershipPartner = false): DemoOrganisation => ({
  name,
  sector,
  emailDomain,
  size,
  membershipPartner,
});

export const demoOrganisations: DemoOrganisation[] = [
  org('Westbrook Teaching Hospitals NHS Foundation Trust', 'statutory', 'wth.nhs.example', 40, true),
  org('Westbrook Community Health NHS Trust', 'statutory', 'wch.nhs.example', 25, true),
  org('Westbrook and District Mental Health NHS Trust', 'statutory', 'wdmh.nhs.example', 18, true),
  org('Westbrook City Council – Adult Social Care', 'statutory', 'westbrook.gov.example', 16, true),
  org('Westbrook City Council – Public Health', 'statutory', 'westbrook.gov.example', 8, true),
  org('Hope Street Surgery', 'statutory', 'hopestreet.nhs.example', 6),
  org('Canal Side Medical Centre', 'statutory', 'canalside.nhs.example', 7),
  org('Moorside Medical Practice', 'statutory', 'moorside.nhs.example', 5),
  org('Northgate Primary Care Network', 'statutory', 'northgatepcn.nhs.example', 6, true),
  org('Westbrook Fire and Rescue Service', 'statutory', 'westbrookfire.example', 4),
  org('Westbrook Refugee Welcome', 'vcse', 'refugeewelcome.example', 8, true),
  org("Somali Women's Wellbeing Group", 'vcse', 'swwg.example', 5, true),
  org('Polish Community Association of Westbrook', 'vcse', 'pcaw.example', 4),
  org('Caribbean Elders Lunch Club', 'vcse', 'elderslunch.example', 3),
  org("Westbrook Carers' Centre", 'vcse', 'carerscentre.example', 6, true),
  org('Roma Support Hub', 'vcse', 'romahub.example', 4, true),
  org('Westbrook Chinese Community Centre', 'vcse', 'wccc.example', 4),
  org('Westbrook Interfaith Forum', 'vcse', 'interfaith.example', 3),
  org('Gypsy and Traveller Advocacy Project', 'vcse', 'gtap.example', 3, true),
  org('Deaf Community Link', 'vcse', 'deaflink.example', 3),
  org('Bangladeshi Youth and Families Forum', 'vcse', 'byff.example', 4),
  org('Westbrook Food Bank', 'vcse', 'foodbank.example', 5),
  org('Westbrook University School of Nursing and Midwifery', 'other', 'wbu.ac.example', 10),
  org('Riverside Care Homes Ltd', 'other', 'riversidecare.example', 8),
  org('Crown Square Pharmacy', 'other', 'crownpharmacy.example', 3),
  org('Westbrook Housing Association', 'other', 'wha.example', 5),
];

export const demoFacilitators = [
  'Priya Sharma',
  'Delroy Campbell',
  'Aoife Murphy',
  'Hodan Warsame',
  'Tomasz Wieczorek',
  'Mei Ling Chan',
  'Gareth Lloyd',
  'Amira Haddad',
];
