/**
 * Names as they appear on sign-in sheets in a diverse UK city: accents,
 * apostrophes, spaces and hyphens included, because the search box and the
 * sort order must cope with all of them. Grouped by community so that most
 * generated people get a given and family name that belong together; some
 * mixing (marriage, adoption, anglicised names) is realistic too.
 */
export interface NameCommunity {
  label: string;
  /** Relative share of people in the demo population. */
  weight: number;
  given: readonly string[];
  family: readonly string[];
}

const words = (text: string): string[] => text.split('|').map((name) => name.trim()).filter(Boolean);

export const nameCommunities: readonly NameCommunity[] = [
  {
    label: 'British and Irish',
    weight: 30,
    given: words(`Siobhán|Sinéad|Aoife|Niamh|Seán|Ciarán|Pádraig|Órla|Gráinne|Dónal|Bríd|Éamon|Mairéad|Ruairí|Zoë|Chloë|Renée|Noël|
      Emma|Olivia|Sophie|Charlotte|Hannah|Lucy|Grace|Jack|Oliver|Harry|George|Thomas|James|William|Daniel|Samuel|Joseph|
      Matthew|Rebecca|Rachel|Sarah|Helen|Claire|Karen|Julie|Susan|Margaret|Gareth|Rhys|Siân|Dafydd|Ffion|Iwan|Eilidh|Morag|
      Hamish|Bethan|Carys|Alun|Heledd|Callum|Kirsty|Fiona|Graham|Pauline|Denise|Stephen|Andrew|Philip|Alison|Jennifer|Amy|
      Megan|Ellie|Freya|Isla|Alfie|Archie|Ruby|Poppy|Lewis`),
    family: words(`O'Brien|O'Sullivan|O'Connor|O'Neill|O'Donnell|D'Arcy|Murphy|Kelly|Walsh|Byrne|Ryan|Doyle|Ní Bhriain|
      Mac Giolla Phádraig|Smith|Jones|Taylor|Wilson|Davies|Evans|Roberts|Hughes|Hall|Wood|Wright|Green|Turner|Cooper|Hill|
      Ward|Morris|Moore|Jackson|White|Harris|Martin|Lloyd|Price|Griffiths|MacLeod|McAllister|Fitzgerald|Ap Rhys|
      Lewis-Jones|Armstrong|Atkinson|Barker|Bell|Chapman|Dixon|Ellis|Fletcher|Hargreaves|Holmes|Kerr|Marsh|Nicholson|
      Parkinson|Pickering|Shaw|Stewart|Sutcliffe|Whitaker`),
  },
  {
    label: 'South Asian',
    weight: 20,
    given: words(`Aarav|Priya|Anjali|Rajesh|Sunita|Harpreet|Gurpreet|Manpreet|Jaspreet|Simran|Arjun|Deepak|Kavita|Nisha|
      Ravi|Sanjay|Meera|Imran|Ayesha|Farhan|Nadia|Shabana|Rukhsana|Tahmina|Rahim|Shahid|Nasreen|Sabina|Mohammed|Asif|Saima|
      Zara|Rohan|Aditi|Shreya|Vikram|Parveen|Kiran|Pooja|Anil|Lakshmi|Sundar|Jyoti|Hardeep|Balvinder|Kuldip|Rupinder|
      Taslima|Shamima|Abdul|Fahmida|Rizwan|Uzma|Sadia|Bilqis|Naveen|Divya|Hema|Prakash|Suresh|Geeta|Ishaan|Anaya`),
    family: words(`Patel|Shah|Sharma|Singh|Kaur|Gill|Sandhu|Dhillon|Begum|Khan|Hussain|Ahmed|Akhtar|Iqbal|Rahman|
      Chowdhury|Uddin|Miah|Islam|Mistry|Desai|Joshi|Mehta|Kumar|Gupta|Bose|Chatterjee|Nair|Pillai|Reddy|Rao|Qureshi|Malik|
      Butt|Raja|Mahmood|Siddiqui|Bhatti|Chaudhry|D'Souza|Fernandes|Bains|Sidhu|Grewal|Parmar|Solanki|Chauhan|Kapoor|
      Banerjee|Hossain|Ali`),
  },
  {
    label: 'Arabic-speaking',
    weight: 8,
    given: words(`Ahmed|Fatima|Yusuf|Layla|Omar|Mariam|Khalid|Noor|Hamza|Rania|Tariq|Zainab|Samir|Huda|Ibrahim|Amira|
      Karim|Salma|Bilal|Yasmin|Abdullah|Hala|Mustafa|Lina|Rami|Dalia|Walid|Sana|Nour|Hadi|Aya|Jamal|Reem|Ziad|Leïla|Yaqub`),
    family: words(`Al-Masri|El-Amin|Haddad|Khoury|Nasser|Saleh|Mansour|Darwish|Al-Sayed|Hamdan|Al-Rashid|Abboud|Farouk|
      Bakr|Ben Ali|El Idrissi|Jaber|Al-Hakim|Aziz|Suleiman|Hijazi|Mahmoud|Said|Zaher|Al-Jaziri|Kassem|Rahal|Touma`),
  },
  {
    label: 'Polish',
    weight: 8,
    given: words(`Łukasz|Małgorzata|Wojciech|Paweł|Bartłomiej|Agnieszka|Krzysztof|Katarzyna|Michał|Magdalena|Piotr|
      Joanna|Tomasz|Anna|Marcin|Ewa|Jakub|Zofia|Grzegorz|Dorota|Kamil|Barbara|Józef|Aleksandra|Mateusz|Beata|Żaneta|Jędrzej`),
    family: words(`Nowak|Wójcik|Mazur|Krawczyk|Kaczmarek|Zając|Król|Wieczorek|Wróbel|Stępień|Dudek|Adamczyk|Pietrzak|
      Kubiak|Sikora|Walczak|Baran|Szewczyk|Michalak|Jasiński|Gołąb|Bąk|Cieślak|Żak`),
  },
  {
    label: 'Somali',
    weight: 7,
    given: words(`Abdi|Abdirahman|Amina|Asha|Fadumo|Hodan|Ifrah|Hawa|Mohamed|Farah|Ayaan|Hibaaq|Sahra|Faisal|Liban|
      Nasra|Ubah|Cawo|Deeqa|Xamse|Khadar|Sagal|Hamdi|Ilhan|Mukhtar|Najma`),
    family: words(`Abdi|Ali|Farah|Hassan|Warsame|Jama|Aden|Osman|Hirsi|Mohamud|Yusuf|Egal|Nur|Dualeh|Omar|Ismail|
      Salad|Guled|Elmi|Abdullahi|Shire|Duale`),
  },
  {
    label: 'Chinese',
    weight: 6,
    given: words(`Wei|Jing|Ming|Hui|Yan|Lei|Mei|Xin|Jun|Ling|Hao|Ying|Kai|Yu|Zhen|Siu Ming|Ka Wai|Wing|Mei Ling|
      Kwok Wah|Xiaoling|Jiahui|Zihan|Yuxuan|Man Kit|Pui Yee`),
    family: words(`Chen|Wang|Li|Zhang|Liu|Huang|Wong|Chan|Lam|Cheung|Lau|Ng|Ho|Tang|Leung|Yip|Tsang|Lin|Zhao|Wu|Zhou|Kwok`),
  },
  {
    label: 'Eastern European',
    weight: 8,
    given: words(`Andrei|Ioana|Mihai|Elena|Ștefan|Alexandru|Ionuț|Mădălina|Cristina|Florin|Răzvan|Bianca|Gheorghe|Zoltán|
      Dávid|Réka|Eszter|Bence|Ágnes|Olena|Oksana|Andriy|Dmytro|Iryna|Kateryna|Mykola|Yulia|Taras|Svitlana|Dušan|Marián|
      Renata|Milan|Jiří|Tomáš|Petra|Lucie|Ondřej|Rūta|Eglė|Mantas|Aistė|Ivelina|Georgi`),
    family: words(`Popescu|Ionescu|Popa|Dumitru|Stan|Stoica|Gheorghiu|Munteanu|Constantin|Rădulescu|Nagy|Kovács|Tóth|
      Szabó|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Lakatos|Balog|Oláh|Rostás|Shevchenko|Kovalenko|Bondarenko|Tkachenko|
      Kravchenko|Melnyk|Boyko|Savchenko|Marchenko|Lysenko|Dimitrov|Petrov`),
  },
  {
    label: 'Caribbean',
    weight: 6,
    given: words(`Delroy|Marcia|Winston|Beverley|Errol|Claudette|Leroy|Jermaine|Tanisha|Shanice|Marlon|Keisha|Desmond|
      Hyacinth|Carlton|Andrea|Sonia|Everton|Paulette|Trevor|Maxine|Devon|Shantelle|Neville|Yvonne|Dionne`),
    family: words(`Campbell|Brown|Williams|Clarke|Thompson|Francis|Gordon|Morgan|Grant|Reid|Bailey|Henry|McKenzie|
      Samuels|Bennett|Powell|Richards|Forbes|Gayle|Dacres|Edwards|Barrett|Walters|Fraser-Hines`),
  },
  {
    label: 'West African',
    weight: 5,
    given: words(`Chidi|Ngozi|Adebayo|Funmilayo|Olumide|Chiamaka|Emeka|Adaeze|Kwame|Ama|Kofi|Abena|Yaw|Efua|Tunde|
      Folake|Oluwaseun|Temitope|Ifeoma|Obinna|Yewande|Babatunde`),
    family: words(`Okafor|Adeyemi|Okonkwo|Balogun|Eze|Nwosu|Adeleke|Oyelaran|Mensah|Asante|Boateng|Owusu|Osei|Appiah|
      Danso|Ogunleye|Afolabi|Obi|Oduya|Nkemdirim`),
  },
  {
    label: 'Turkish and Kurdish',
    weight: 3,
    given: words(`Mehmet|Ayşe|Emre|Elif|Zeynep|Mustafa|Hüseyin|Özlem|Gülşen|Serkan|Çağlar|Şükrü|Berfin|Rojda|Dilan|Baran`),
    family: words(`Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Aydın|Öztürk|Arslan|Doğan|Koç|Ekinci`),
  },
  {
    label: 'Portuguese and Spanish-speaking',
    weight: 3,
    given: words(`João|José|Inês|Ana|Sofía|Lucía|Andrés|Raúl|Mariana|Gonçalo|Beatriz|Ximena|Tomás|Mónica`),
    family: words(`Silva|Santos|Pereira|Ferreira|Gonçalves|Rodrigues|García|Fernández|López|Martínez|Muñoz|Pérez|Peña`),
  },
  {
    label: 'Vietnamese',
    weight: 2,
    given: words(`Minh|Thảo|Hương|Linh|Tuấn|Đức|Anh|Phương|Quang|Lan|Hải|Ngọc`),
    family: words(`Nguyễn|Trần|Lê|Phạm|Hoàng|Võ|Đặng|Bùi|Đỗ|Vũ`),
  },
];

export interface PersonName {
  givenName: string;
  familyName: string;
  /** Some people go by a shorter or anglicised name; sign-in search must find either. */
  preferredName: string | null;
}

const preferredNames: Record<string, string> = {
  Mohammed: 'Mo', Mohamed: 'Mo', Małgorzata: 'Gosia', Katarzyna: 'Kasia', Aleksandra: 'Ola', Krzysztof: 'Krzys',
  Bartłomiej: 'Bartek', Oluwaseun: 'Seun', Temitope: 'Tope', Babatunde: 'Tunde', Alexandru: 'Alex', Funmilayo: 'Funmi',
  Abdirahman: 'Abdi', 'Siu Ming': 'Simon', Xiaoling: 'Sherry', Jiahui: 'Jenny', Kateryna: 'Katya', Rajesh: 'Raj',
  Margaret: 'Maggie', Jennifer: 'Jen', Samuel: 'Sam', Matthew: 'Matt', Ionuț: 'John', Gheorghe: 'George',
};

export function totalGivenAndFamilyNames(): { given: number; family: number } {
  return {
    given: new Set(nameCommunities.flatMap((community) => community.given)).size,
    family: new Set(nameCommunities.flatMap((community) => community.family)).size,
  };
}

const totalWeight = nameCommunities.reduce((sum, community) => sum + community.weight, 0);

function pickCommunity(next: () => number): NameCommunity {
  let roll = next() * totalWeight;
  for (const community of nameCommunities) {
    roll -= community.weight;
    if (roll < 0) return community;
  }
  return nameCommunities[nameCommunities.length - 1]!;
}

function pickFrom<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)]!;
}

/** A plausible name; about one in eight takes a family name from another community. */
export function randomName(next: () => number): PersonName {
  const community = pickCommunity(next);
  const familyCommunity = next() < 0.125 ? pickCommunity(next) : community;
  const givenName = pickFrom(community.given, next);
  const familyName = pickFrom(familyCommunity.family, next);
  const usual = preferredNames[givenName];
  const preferredName = usual && next() < 0.6 ? usual : null;
  return { givenName, familyName, preferredName };
}
