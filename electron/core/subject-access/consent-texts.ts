/**
 * The words of every consent text participants have agreed to, by version
 * and language, kept here for good: a consent row records only the version
 * and language, and subject access gives the person the words they read.
 * The kiosk shows its words from its message catalogues (renderer/locales,
 * kiosk.consent), which the core cannot read; a unit test holds the current
 * version here the same as the catalogues, so changing the kiosk's words
 * without a new CONSENT_TEXT_VERSION (and its words added here, the old ones
 * kept) fails.
 */

export interface ConsentText {
  /** What they read, point by point. */
  points: readonly string[];
  refuseNote: string;
  question: string;
  /** The button they pressed. */
  agreed: string;
}

/** Version → language code → the words. */
export type ConsentTextArchive = Readonly<Record<string, Readonly<Record<string, ConsentText>>>>;

export const consentTexts: ConsentTextArchive = {
  'consent-2026-11-v1': {
    en: {
      points: [
        "To sign you in, we record your name, the organisation you work or volunteer for, and that you came to this session.",
        "Next, we ask about your ethnic group. You do not have to answer. Your answer is stored apart from your name and is only ever reported as totals for groups of people, never about you alone.",
        "The facilitator and our central office team can see your name and attendance. Funders only see totals, never names.",
        "At the end of the day this laptop sends your information to our central office, then deletes it from the laptop. The office keeps your attendance record for up to 6 years, then deletes it.",
        "You can ask to see or delete your information at any time.",
      ],
      refuseNote: "You can say no. If you do not agree, nothing is saved. Please speak to the facilitator, who can answer your questions and help you.",
      question: "Do you agree?",
      agreed: "I agree",
    },
    ar: {
      points: [
        "لتسجيل حضورك، نسجّل اسمك، والمؤسسة التي تعمل أو تتطوّع فيها، وأنك حضرت هذه الجلسة.",
        "بعد ذلك نسألك عن مجموعتك العرقية. الإجابة ليست إلزامية. تُحفظ إجابتك منفصلةً عن اسمك، ولا تظهر في التقارير إلا ضمن مجاميع لمجموعات من الناس، ولا تظهر أبدًا عنك وحدك.",
        "يستطيع الميسّر وفريق مكتبنا الرئيسي رؤية اسمك وحضورك. أما الجهات المموِّلة فلا ترى إلا المجاميع، ولا ترى الأسماء أبدًا.",
        "في نهاية اليوم يُرسل هذا الحاسوب المحمول معلوماتك إلى مكتبنا الرئيسي، ثم يحذفها منه. يحتفظ المكتب بسجل حضورك مدةً أقصاها 6 سنوات، ثم يحذفه.",
        "يمكنك في أي وقت أن تطلب الاطلاع على معلوماتك أو حذفها.",
      ],
      refuseNote: "يمكنك الرفض. إذا لم توافق، فلن يُحفظ أي شيء. يُرجى التحدث إلى الميسّر، فهو يستطيع الإجابة عن أسئلتك ومساعدتك.",
      question: "هل توافق؟",
      agreed: "أوافق",
    },
    pl: {
      points: [
        "Aby zapisać Twoją obecność, zapisujemy Twoje imię i nazwisko, organizację, w której pracujesz lub działasz społecznie, oraz to, że uczestniczysz w tych zajęciach.",
        "Następnie zapytamy o Twoją grupę etniczną. Nie musisz odpowiadać. Twoja odpowiedź jest przechowywana oddzielnie od Twojego imienia i nazwiska i pojawia się w raportach tylko jako łączne liczby dla grup osób, nigdy jako informacja o Tobie.",
        "Twoje imię i nazwisko oraz obecność widzą osoba prowadząca i zespół naszego biura centralnego. Instytucje finansujące widzą tylko łączne liczby, nigdy nazwiska.",
        "Pod koniec dnia ten laptop wysyła Twoje dane do naszego biura centralnego, a potem usuwa je z laptopa. Biuro przechowuje informację o Twojej obecności najwyżej 6 lat, a potem ją usuwa.",
        "W każdej chwili możesz poprosić o wgląd w swoje dane lub o ich usunięcie.",
      ],
      refuseNote: "Możesz odmówić. Jeśli się nie zgodzisz, nic nie zostanie zapisane. Porozmawiaj wtedy z osobą prowadzącą, która odpowie na Twoje pytania i Ci pomoże.",
      question: "Czy wyrażasz zgodę?",
      agreed: "Zgadzam się",
    },
  },
};

/** The words as one text, a point a line, as the person read them top to bottom. */
export function consentTextInFull(text: ConsentText): string {
  return [...text.points.map((point) => `• ${point}`), text.refuseNote, `${text.question} ${text.agreed}.`].join('\n');
}
