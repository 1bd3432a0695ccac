/**
 * The shared vocabulary of the synthetic corpus: topics, people, and the phrase banks that
 * quotations and narrative are written from. Every release draws on the same banks, so the
 * same phrases recur across speakers and years, the way they do in real press releases.
 *
 * Templates use {slot} for a bank (a capitalised {Slot} capitalises the result) and
 * {#kind} for a figure. Banks may themselves hold templates.
 */

export interface Topic {
  /** As it appears in a role: "National Policing Lead for <lead>". */
  lead: string;
  crime: string[];
  victims: string[];
  offenders: string[];
  /** Plural nouns that figures count. */
  units: string[];
  actions: string[];
  partners: string[];
  places: string[];
}

export const TOPICS: Topic[] = [
  { lead: 'Child Protection', crime: ['child sexual abuse', 'the sexual exploitation of children', 'online grooming'], victims: ['children', 'young people', 'vulnerable children'], offenders: ['predatory offenders', 'abusers', 'people who abuse children'], units: ['offenders', 'children safeguarded', 'images'], actions: ['undercover operations', 'safeguarding visits', 'joint investigations'], partners: ['the National Crime Agency', 'CEOP', 'social services', 'schools'], places: ['online spaces', 'chat rooms and social media'] },
  { lead: 'Cyber-crime', crime: ['cyber-crime', 'computer misuse', 'online crime'], victims: ['businesses', 'members of the public', 'small firms'], offenders: ['criminals', 'hackers', 'organised networks'], units: ['devices', 'reports', 'attacks'], actions: ['digital forensics', 'specialist cyber units', 'regional cyber teams'], partners: ['the National Cyber Security Centre', 'industry', 'Action Fraud'], places: ['the digital world', 'online spaces'] },
  { lead: 'Knife Crime', crime: ['knife crime', 'serious violence', 'violence involving weapons'], victims: ['young people', 'families', 'local communities'], offenders: ['gangs', 'people who carry knives', 'violent offenders'], units: ['knives', 'weapons', 'arrests'], actions: ['weapon sweeps', 'surrender bins', 'school visits'], partners: ['schools', 'youth workers', 'retailers'], places: ['the places where young people are most at risk', 'town centres'] },
  { lead: 'Roads Policing', crime: ['dangerous driving', 'drink and drug driving', 'using a mobile phone at the wheel'], victims: ['road users', 'pedestrians', 'cyclists'], offenders: ['drivers', 'reckless motorists', 'repeat offenders'], units: ['drivers', 'vehicles', 'collisions'], actions: ['roadside checks', 'speed enforcement', 'breath tests'], partners: ['road safety charities', 'fleet operators', 'National Highways'], places: ['every road in the country', 'motorways and rural roads'] },
  { lead: 'Economic Crime', crime: ['fraud', 'online shopping fraud', 'investment fraud'], victims: ['victims of fraud', 'older people', 'consumers'], offenders: ['fraudsters', 'organised criminals', 'scammers'], units: ['reports', 'victims', 'accounts'], actions: ['awareness campaigns', 'asset recovery', 'account freezing'], partners: ['banks', 'consumer groups', 'Action Fraud'], places: ['online marketplaces', 'social media'] },
  { lead: 'Domestic Abuse', crime: ['domestic abuse', 'coercive control', 'stalking and harassment'], victims: ['victims of domestic abuse', 'women and girls', 'survivors'], offenders: ['perpetrators', 'abusers', 'repeat perpetrators'], units: ['arrests', 'protection orders', 'calls'], actions: ['protection orders', 'specialist officers', 'risk assessments'], partners: ['refuges', 'independent advisers', 'charities'], places: ['the home', 'every community'] },
  { lead: 'Counter Terrorism', crime: ['terrorism', 'extremism', 'radicalisation'], victims: ['the public', 'communities', 'vulnerable people'], offenders: ['extremists', 'terrorists', 'those who would do us harm'], units: ['arrests', 'referrals', 'plots'], actions: ['armed patrols', 'prevent referrals', 'protective security'], partners: ['the security service', 'communities', 'businesses'], places: ['crowded places', 'transport hubs'] },
  { lead: 'Drugs', crime: ['county lines drug dealing', 'drug supply', 'the drugs trade'], victims: ['vulnerable children', 'young people', 'addicted adults'], offenders: ['drug dealers', 'county lines gangs', 'organised crime groups'], units: ['arrests', 'lines', 'seizures'], actions: ['intensification weeks', 'test purchases', 'drug seizures'], partners: ['the National Crime Agency', 'health services', 'local authorities'], places: ['towns and cities', 'railway stations'] },
  { lead: 'Modern Slavery', crime: ['modern slavery', 'human trafficking', 'labour exploitation'], victims: ['victims of trafficking', 'vulnerable workers', 'exploited people'], offenders: ['traffickers', 'gangmasters', 'organised networks'], units: ['victims', 'investigations', 'referrals'], actions: ['joint operations', 'workplace inspections', 'victim support'], partners: ['the Gangmasters and Labour Abuse Authority', 'charities', 'Border Force'], places: ['car washes and nail bars', 'farms and factories'] },
  { lead: 'Firearms', crime: ['firearms offences', 'gun crime', 'the criminal use of firearms'], victims: ['the public', 'local communities', 'young people'], offenders: ['criminals', 'armed gangs', 'illegal gun suppliers'], units: ['firearms', 'weapons', 'rounds of ammunition'], actions: ['firearms surrenders', 'armed response', 'licensing checks'], partners: ['the National Ballistics Intelligence Service', 'the Home Office', 'shooting organisations'], places: ['our streets', 'every force area'] },
  { lead: 'Mental Health', crime: ['mental health crisis', 'people in crisis', 'mental ill health'], victims: ['people in crisis', 'vulnerable people', 'patients'], offenders: ['people in crisis', 'those who need care', 'patients'], units: ['detentions', 'calls', 'hours'], actions: ['street triage', 'joint response cars', 'crisis care'], partners: ['the NHS', 'ambulance services', 'mental health trusts'], places: ['police cells', 'hospitals'] },
  { lead: 'Missing Persons', crime: ['missing person cases', 'going missing', 'repeat missing episodes'], victims: ['missing children', 'vulnerable adults', 'families'], offenders: ['those who exploit missing children', 'exploiters', 'groomers'], units: ['missing people', 'reports', 'children'], actions: ['return interviews', 'search teams', 'public appeals'], partners: ['Missing People', 'local authorities', 'care homes'], places: ['care homes', 'every force area'] },
  { lead: 'Hate Crime', crime: ['hate crime', 'online hate', 'racially motivated abuse'], victims: ['victims of hate crime', 'minority communities', 'disabled people'], offenders: ['offenders', 'those who spread hatred', 'perpetrators'], units: ['reports', 'offences', 'prosecutions'], actions: ['third-party reporting', 'community patrols', 'online reporting'], partners: ['community groups', 'faith leaders', 'True Vision'], places: ['our communities', 'online spaces'] },
  { lead: 'Rural Crime', crime: ['rural crime', 'agricultural theft', 'fly-tipping'], victims: ['farmers', 'rural communities', 'landowners'], offenders: ['organised thieves', 'criminal gangs', 'offenders'], units: ['vehicles', 'thefts', 'machines'], actions: ['rural patrols', 'machinery marking', 'farm watch schemes'], partners: ['the National Farmers Union', 'landowners', 'insurers'], places: ['the countryside', 'isolated farms'] },
  { lead: 'Wildlife Crime', crime: ['wildlife crime', 'badger persecution', 'the illegal trade in wildlife'], victims: ['protected species', 'wildlife', 'the countryside'], offenders: ['poachers', 'hare coursers', 'traffickers'], units: ['offences', 'seizures', 'arrests'], actions: ['joint patrols', 'forensic testing', 'intelligence sharing'], partners: ['the RSPCA', 'conservation charities', 'Border Force'], places: ['the countryside', 'protected sites'] },
  { lead: 'Serious and Organised Crime', crime: ['organised crime', 'money laundering', 'serious and organised crime'], victims: ['communities', 'businesses', 'vulnerable people'], offenders: ['organised crime groups', 'criminal networks', 'crime bosses'], units: ['arrests', 'assets', 'groups'], actions: ['asset seizures', 'covert operations', 'joint investigations'], partners: ['the National Crime Agency', 'regional organised crime units', 'the banking sector'], places: ['every region', 'our ports and borders'] },
  { lead: 'Violence Against Women and Girls', crime: ['violence against women and girls', 'sexual violence', 'stalking'], victims: ['women and girls', 'victims of sexual violence', 'survivors'], offenders: ['perpetrators', 'predatory men', 'offenders'], units: ['reports', 'charges', 'investigations'], actions: ['specialist investigators', 'night-time patrols', 'victim advocates'], partners: ['the Crown Prosecution Service', 'rape crisis centres', 'charities'], places: ['public spaces', 'the night-time economy'] },
  { lead: 'Stop and Search', crime: ['stop and search', 'weapon carrying', 'street crime'], victims: ['young people', 'local communities', 'black communities'], offenders: ['people carrying weapons', 'offenders', 'suspects'], units: ['searches', 'arrests', 'encounters'], actions: ['body-worn video', 'community scrutiny panels', 'searches'], partners: ['community groups', 'scrutiny panels', 'the Home Office'], places: ['our streets', 'town centres'] },
  { lead: 'Custody', crime: ['deaths in custody', 'custody safety', 'detention'], victims: ['detainees', 'vulnerable detainees', 'people in custody'], offenders: ['detainees', 'suspects', 'people in custody'], units: ['detainees', 'cells', 'hours'], actions: ['health care in custody', 'custody inspections', 'liaison and diversion'], partners: ['the NHS', 'independent custody visitors', 'the Home Office'], places: ['custody suites', 'police cells'] },
  { lead: 'Public Order', crime: ['disorder', 'violent protest', 'public disorder'], victims: ['the public', 'officers', 'local businesses'], offenders: ['a small minority', 'violent protesters', 'rioters'], units: ['officers', 'arrests', 'events'], actions: ['mutual aid', 'public order units', 'dialogue officers'], partners: ['event organisers', 'local authorities', 'the Home Office'], places: ['city centres', 'football grounds'] },
  { lead: 'Football Policing', crime: ['football-related disorder', 'violence at matches', 'discrimination at football'], victims: ['fans', 'families', 'stewards'], offenders: ['a small minority of fans', 'troublemakers', 'offenders'], units: ['arrests', 'banning orders', 'matches'], actions: ['banning orders', 'spotters', 'matchday patrols'], partners: ['football clubs', 'the Football Association', 'supporters groups'], places: ['football grounds', 'town centres'] },
  { lead: 'Burglary', crime: ['burglary', 'residential burglary', 'theft from homes'], victims: ['householders', 'older people', 'communities'], offenders: ['burglars', 'prolific offenders', 'thieves'], units: ['burglaries', 'arrests', 'homes'], actions: ['forensic marking', 'crime prevention visits', 'targeted patrols'], partners: ['neighbourhood watch', 'insurers', 'local councils'], places: ['our neighbourhoods', 'every street'] },
  { lead: 'Wellbeing', crime: ['assaults on officers', 'stress and burnout', 'trauma in the workforce'], victims: ['officers and staff', 'frontline officers', 'our people'], offenders: ['those who assault officers', 'offenders', 'attackers'], units: ['assaults', 'officers', 'days lost'], actions: ['wellbeing support', 'trauma risk management', 'occupational health'], partners: ['the Police Federation', 'Oscar Kilo', 'the College of Policing'], places: ['every force', 'the front line'] },
  { lead: 'Digital Forensics', crime: ['digital evidence', 'forensic backlogs', 'device examination'], victims: ['victims', 'investigations', 'the courts'], offenders: ['offenders', 'suspects', 'criminals'], units: ['devices', 'images', 'examinations'], actions: ['digital forensics', 'image triage', 'national databases'], partners: ['the Forensic Science Regulator', 'industry', 'the Home Office'], places: ['the digital world', 'forensic laboratories'] },
  { lead: 'Neighbourhood Policing', crime: ['anti-social behaviour', 'neighbourhood crime', 'local crime'], victims: ['residents', 'local communities', 'shopkeepers'], offenders: ['offenders', 'persistent offenders', 'young people at risk'], units: ['officers', 'calls', 'patrols'], actions: ['neighbourhood patrols', 'community meetings', 'problem-solving'], partners: ['local councils', 'housing associations', 'residents'], places: ['our neighbourhoods', 'town centres'] },
];

export const RANKS = [
  ['Chief Constable', 6], ['Deputy Chief Constable', 6], ['Assistant Chief Constable', 6],
  ['Commander', 3], ['Deputy Assistant Commissioner', 1], ['Detective Chief Superintendent', 2],
  ['Chief Superintendent', 2], ['Detective Superintendent', 1],
] as const;

export const FIRST_NAMES = {
  f: ['Sara', 'Helen', 'Priya', 'Anne', 'Rachel', 'Olivia', 'Lisa', 'Karen', 'Julia', 'Nicola', 'Catherine', 'Amanda', 'Fiona', 'Louise', 'Jane', 'Ruth', 'Claire', 'Emma', 'Sophie', 'Deborah', 'Amy', 'Naomi', 'Bernadette', 'Shabnam', 'Gillian'],
  m: ['Peter', 'Simon', 'Martin', 'Tom', 'David', 'Andy', 'Mark', 'Richard', 'Paul', 'Stephen', 'James', 'Ian', 'Gareth', 'Neil', 'Adrian', 'Chris', 'Matt', 'Owen', 'Rob', 'Alan', 'Jon', 'Ben', 'Darren', 'Nick', 'Ravi'],
};

export const SURNAMES = [
  'Goodman', 'Bailey', 'Thornton', 'Lowry', 'Desai', 'Marsh', 'Ridley', 'Hewitt', 'Barton', 'Mackey', 'Hitchcock', 'Stephens', 'Harrington', 'Cunningham', 'Pughsley', 'Ashworth', 'Blakeman', 'Crowther', 'Dalgleish', 'Ellison',
  'Fairweather', 'Garside', 'Haworth', 'Iqbal', 'Jarrett', 'Kendrick', 'Lockwood', 'Merriman', 'Northcott', 'Okafor', 'Pennington', 'Quinlan', 'Radcliffe', 'Sutcliffe', 'Thackeray', 'Underwood', 'Vickers', 'Whitlock', 'Yardley', 'Ackroyd',
  'Bramwell', 'Castleton', 'Devereux', 'Eastwood', 'Fenwick', 'Greenhalgh', 'Holroyd', 'Ingham', 'Jephcott', 'Kirkbride', 'Langley', 'Moorcroft', 'Nuttall', 'Oldroyd', 'Pickering', 'Rowntree', 'Shackleton', 'Tattersall', 'Uttley', 'Wainwright',
  'Ahmed', 'Bhatti', 'Chaudhry', 'Dhillon', 'Evans', 'Fletcher', 'Gill', 'Hughes', 'Jenkins', 'Khan', 'Lewis', 'Morgan', 'Nash', 'Owens', 'Patel', 'Rees', 'Sandhu', 'Turner', 'Walsh', 'Young',
];

/** The long tail: forces, places and operation names that make each release its own. */
export const FORCES = ['Avon and Somerset Police', 'Bedfordshire Police', 'Cambridgeshire Constabulary', 'Cheshire Constabulary', 'City of London Police', 'Cleveland Police', 'Cumbria Constabulary', 'Derbyshire Constabulary', 'Devon and Cornwall Police', 'Dorset Police', 'Durham Constabulary', 'Dyfed-Powys Police', 'Essex Police', 'Gloucestershire Constabulary', 'Greater Manchester Police', 'Gwent Police', 'Hampshire Constabulary', 'Hertfordshire Constabulary', 'Humberside Police', 'Kent Police', 'Lancashire Constabulary', 'Leicestershire Police', 'Lincolnshire Police', 'Merseyside Police', 'the Metropolitan Police', 'Norfolk Constabulary', 'North Wales Police', 'North Yorkshire Police', 'Northamptonshire Police', 'Northumbria Police', 'Nottinghamshire Police', 'South Wales Police', 'South Yorkshire Police', 'Staffordshire Police', 'Suffolk Constabulary', 'Surrey Police', 'Sussex Police', 'Thames Valley Police', 'Warwickshire Police', 'West Mercia Police', 'West Midlands Police', 'West Yorkshire Police', 'Wiltshire Police', 'British Transport Police', 'the Police Service of Northern Ireland', 'Police Scotland'];

export const TOWNS = ['Aldershot', 'Barnsley', 'Basildon', 'Bedford', 'Birkenhead', 'Blackburn', 'Blackpool', 'Bolton', 'Bournemouth', 'Bradford', 'Brighton', 'Bristol', 'Burnley', 'Cambridge', 'Cardiff', 'Carlisle', 'Chelmsford', 'Cheltenham', 'Chester', 'Colchester', 'Coventry', 'Crawley', 'Darlington', 'Derby', 'Doncaster', 'Dudley', 'Durham', 'Exeter', 'Gateshead', 'Gloucester', 'Grimsby', 'Guildford', 'Halifax', 'Harlow', 'Hartlepool', 'Hastings', 'Huddersfield', 'Hull', 'Ipswich', 'Kettering', 'Lancaster', 'Leeds', 'Leicester', 'Lincoln', 'Liverpool', 'Luton', 'Maidstone', 'Manchester', 'Mansfield', 'Middlesbrough', 'Milton Keynes', 'Newcastle', 'Newport', 'Northampton', 'Norwich', 'Nottingham', 'Oldham', 'Oxford', 'Peterborough', 'Plymouth', 'Portsmouth', 'Preston', 'Reading', 'Redditch', 'Rochdale', 'Rotherham', 'Salford', 'Scunthorpe', 'Sheffield', 'Shrewsbury', 'Slough', 'Southampton', 'Southend', 'Stockport', 'Stoke-on-Trent', 'Sunderland', 'Swansea', 'Swindon', 'Telford', 'Wakefield', 'Walsall', 'Warrington', 'Watford', 'Wigan', 'Wolverhampton', 'Worcester', 'Worthing', 'Wrexham', 'York'];

export const OPERATION_WORDS = ['Kestrel', 'Sceptre', 'Hydrant', 'Pallial', 'Tuberose', 'Yewtree', 'Encompass', 'Aidant', 'Orochi', 'Venetic', 'Fairway', 'Lantern', 'Harbour', 'Bluebell', 'Falcon', 'Granite', 'Heron', 'Juniper', 'Lighthouse', 'Meridian', 'Nightjar', 'Orchard', 'Pennant', 'Quartz', 'Raven', 'Sentinel', 'Thistle', 'Umbra', 'Vantage', 'Willow', 'Xenon', 'Yarrow', 'Zephyr', 'Beacon', 'Compass', 'Drumlin', 'Ember', 'Foxglove', 'Gannet', 'Hawthorn'];
const SYLLABLES = ['ka', 'lo', 'mer', 'tis', 'van', 'dor', 'el', 'ri', 'bus', 'quin', 'ta', 'sol', 'ven', 'ar', 'gol', 'pen', 'ro', 'thu', 'mi', 'sca'];
/** An operation name: a familiar word, or a made-up one (as forces' computers pick them). */
export function operationName(pick: <T>(xs: readonly T[]) => T, chance: (p: number) => boolean): string {
  if (chance(0.4)) return `Operation ${pick(OPERATION_WORDS)}`;
  const w = pick(SYLLABLES) + pick(SYLLABLES) + (chance(0.5) ? pick(SYLLABLES) : '');
  return `Operation ${w.charAt(0).toUpperCase()}${w.slice(1)}`;
}

export const CHARITIES = ['Victim Support', 'the NSPCC', 'Missing People', 'Crimestoppers', 'Brake', 'the Suzy Lamplugh Trust', 'Refuge', 'Barnardo’s', 'the Ben Kinsella Trust', 'Rape Crisis England and Wales'];

/** Phrase banks shared by every topic. Topic banks (crime, victims, …) are added per release. */
export const BANKS: Record<string, string[]> = {
  effort: ['We are working hard to', 'We are determined to', 'Forces are doing more than ever before to', 'We will continue to', 'Officers across the country are working tirelessly to', 'Our priority is to', 'We remain committed to', 'Police forces are working together to', 'We are doing everything we can to', 'The police service is determined to'],
  goal: ['protect {victims}', 'bring {offenders} to justice', 'keep communities safe', 'prevent {crime}', 'stop offenders sooner', 'reduce the harm caused by {crime}', 'support {victims}', 'make our streets safer', 'target {offenders}', 'disrupt {offenders}', 'safeguard {victims}', 'intervene earlier', 'build a picture of the networks behind these crimes', 'give {victims} the confidence to come forward', 'take {offenders} off our streets'],
  soThat: ['', '', ' so that we can {goal}', ' and {goal}', ', and to {goal}'],
  causes: ['causes untold harm to {victims} and their families', 'has a devastating impact on {victims}', 'ruins lives and damages whole communities', 'is never a victimless crime', 'leaves {victims} feeling frightened and isolated', 'affects {victims} in every part of the country'],
  timeRef: ['Last year', 'Over the past twelve months', 'Since the operation began', 'In the last year alone', 'During the week of action', 'Back in {month}'],
  did: ['officers arrested {#count} {offenders}', 'forces removed {#count} {units} from circulation', 'officers recorded {#count} {units}', 'police seized {#count} {units}', 'officers dealt with {#count} {units}', 'forces identified {#count} {units}'],
  compare: ['compared with {#count} the year before', 'up from {#count} in {#year}', 'a rise of {#pct} per cent', 'a fall of {#pct} per cent on the previous year', 'showing that {offenders} leave a digital footprint that police will find', 'which shows what can be achieved when we work together'],
  condition: ['has information about {crime}', 'is worried about {victims}', 'has been a victim of {crime}', 'is carrying a weapon', 'has concerns about {crime}', 'sees something suspicious'],
  report: ['contact their local police', 'call 101 or speak to an officer', 'report it to Crimestoppers anonymously on 0800 555 111', 'speak to us in confidence', 'come forward and talk to us', 'report it as soon as possible'],
  reportYou: ['contact your local police', 'call 101 or speak to an officer', 'report it to Crimestoppers anonymously on 0800 555 111', 'speak to us in confidence', 'come forward and talk to us', 'report it as soon as possible'],
  transform: ['transform the way they deal with {crime}', 'modernise the way we work', 'keep pace with changing crime', 'respond to {crime}', 'protect {victims} from harm', 'adapt to the scale of {crime}'],
  constraint: ['in a period of fiscal constraint', 'at a time of rising demand', 'while also protecting communities from the more traditional sources of harm', 'with fewer officers than a decade ago', 'as demand on forces continues to grow', 'while budgets remain under pressure'],
  trend: ['a significant rise', 'an exponential rise', 'a worrying increase', 'a welcome fall', 'a steady increase', 'a sharp rise'],
  period: ['over the last {#small} years', 'since {#year}', 'in the past twelve months', 'over the last decade', 'during the pandemic'],
  reaction: ['we are responding with {actions} and {actions}', 'forces are adapting the way they work', 'we have moved more investigators into this area', 'that is why we are investing in {actions}', 'officers are being trained to spot the signs', 'we will not stand still'],
  protectWord: ['Protection', 'The safety', 'The welfare', 'Safeguarding'],
  enforcement: ['Enforcement', 'Policing', 'Arrest'],
  approach: ['prevention and early intervention', 'education and prevention', 'partnership and prevention', 'support for victims and early help'],
  funding: ['investment', 'funding', 'money', 'grant'],
  fact: ['{offenders} leave a digital footprint that police will find', '{victims} are often reluctant to come forward', 'many {victims} do not report what has happened to them', '{offenders} will exploit any weakness they can find', 'most of these offences can be prevented', '{crime} is often hidden from view'],
  outcome: ['solved', 'charged', 'resolved at the scene', 'referred to partners', 'dealt with online'],
  suffer: ['live in fear', 'suffer in silence', 'feel unsafe in their own home', 'be targeted because of who they are', 'have to put up with this'],
  purpose: ['to stop weapons getting into the wrong hands', 'to reassure the public', 'to talk to people about how to stay safe', 'to target {offenders}', 'to gather intelligence', 'to make sure {victims} know where to turn'],
  capability: ['digital investigation and intelligence-gathering', 'specialist investigation', 'tackling {crime}', 'undercover work', 'victim care'],
  future: ['provide evidence-based advice to chief constables about how they manage their resources', 'publish our findings later this year', 'set out a national plan in the spring', 'share what works with every force', 'report back to chief constables'],
  thanks: ['officers and staff', 'the public', 'our partners', 'everyone who came forward', 'the teams involved'],
  quality: ['hard work', 'dedication', 'courage', 'support', 'professionalism', 'patience'],
  fraction: ['a third', 'a quarter', 'a fifth', 'half', 'two thirds'],
  month: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  document: ['a national strategy', 'new guidance', 'a national action plan', 'a review', 'a framework'],
  occasion: ['the announcement', 'the figures', 'the report', 'the sentencing', 'the campaign', 'today’s publication'],
  duration: ['two-week', 'week-long', 'month-long', 'three-day', 'six-week'],
};

/** Sentence templates for quotations (the speaker's own words). */
export const QUOTE_SENTENCES: [string, number][] = [
  ['{effort} {goal}{soThat}.', 6],
  ['{Crime} {causes}.', 3],
  ['{timeRef} {did}, {compare}.', 5],
  ['I would urge anyone who {condition} to {report}.', 3],
  ['If you think you have been affected by {crime}, please {reportYou}.', 2],
  ['This is part of the wider challenge for police to {transform} {constraint}.', 2],
  ['We will continue to work closely with {partners} and {partners} to {goal}.', 4],
  ['There has been {trend} in {crime} {period}, and {reaction}.', 3],
  ['{protectWord} of {victims} is at the heart of policing.', 1],
  ['Every report helps us {goal} and {goal}.', 2],
  ['{enforcement} alone will not solve this problem, which is why {approach} sit at the centre of our approach.', 1],
  ['This {funding} of £{#money} million will enable us to {goal} and {goal}.', 2],
  ['We know that {fact}.', 3],
  ['Around {#pct} per cent of reports of {crime} were {outcome} last year, up from {#pct} per cent in {#year}.', 2],
  ['No one should {suffer}, and we will do everything we can to {goal}.', 2],
  ['Officers will be out in {places} {purpose}.', 2],
  ['{Crime} has no place in our society, and {offenders} should know that we will find them.', 1],
  ['We are reviewing our capability for {capability} and will {future}.', 2],
  ['I want to thank {thanks} for their {quality} and {quality}.', 1],
  ['Working with {partners}, we have seen {trend} in the use of {actions} {period}.', 2],
  ['{Offenders} are using ever more sophisticated methods, and we must {transform}.', 2],
  ['Our message to {offenders} is simple: we will {goal}.', 1],
  ['In {town}, officers from {force} worked with {partners} as part of {operation}.', 3],
  ['{Operation} has shown what can be achieved when forces like {force} work with {partners}.', 2],
  ['I want to pay tribute to the officers in {town} who worked on {operation}.', 2],
  ['What happened in {town} must never happen again, and {force} will {goal}.', 1],
  // Figures in the forms releases print them: joined to a word, ordinals, money, words.
  ['Reports of {crime} in {town} are at a {#small2}-year high, and that is why we are acting now.', 1],
  ['Our control room in {town} now runs {#hours}-hour patrols against {crime}.', 1],
  ['This is the {#ordinal} year in a row that {units} have fallen in {town}.', 1],
  ['{Operation} has recovered £{#decimal}m from {offenders} since it began.', 1],
  ['Some {#wordcount} officers in {force} have now been trained to deal with {crime}.', 1],
  ['About {fraction} of {victims} in {town} never report what happened to them.', 1],
];

/** Short stock sentences that many speakers use word for word. */
export const STOCK_SENTENCES = ['But there is more to do.', 'Every report matters.', 'We cannot do this alone.', 'This is a priority for every force.', 'The public rightly expect nothing less.', 'We will not stand still.'];

/** Sentence templates for the release's own narrative (no speaker). */
export const NARRATIVE_SENTENCES: [string, number][] = [
  ['Officers stopped {#count} {units} during the {duration} operation, compared with {#count} in the same period last year.', 3],
  ['The funding is part of £{#money} million awarded by the Home Secretary from the Police Transformation Fund.', 2],
  ['{Actions} will be available in participating forces throughout the week.', 2],
  ['The campaign was supported by {partners} and {partners}.', 3],
  ['Police forces in England and Wales recorded {#count} fewer {units} in the last quarter than in the same quarter a year earlier.', 2],
  ['The figures also show a rise in reports of {crime}, which now account for more than {fraction} of all cases recorded.', 2],
  ['Forces have moved additional investigators into teams dealing with {crime} during the year.', 2],
  ['The full figures are available from the Office for National Statistics.', 1],
  ['The operation ran from {#day} {month} and involved {#small2} forces.', 2],
  ['Extra funding has also been made available for {actions} and {actions}.', 2],
  ['{Operation} was led by {force} and ran for {#small} weeks.', 3],
  ['Officers from {force} made {#count} arrests in {town} and the surrounding area.', 3],
  ['Anyone with information is asked to contact {force} on 101, quoting {operation}.', 2],
];

export const LEAD_SENTENCES: string[] = [
  'Forces across England and Wales will take part in a week of intensified action against {crime}, with {actions}, {actions} and {actions} planned in every region.',
  'The Home Secretary has announced that she is committing an extra £{#money} million over {#smallword} years to combat {crime}.',
  'Reports of {crime} fell by {fraction} during a national campaign, figures released today show.',
  'Police chiefs have today published {document} setting out how forces will respond to {crime}.',
  '{Offenders} are being targeted in a national operation against {crime} led by forces and {partners}.',
  'New figures show {trend} in {crime} {period}.',
  '{Force} has led {operation}, a national operation against {crime} in {town} and beyond.',
];

export const SYNONYMS: Record<string, string> = {
  protect: 'shield', prevent: 'stop', support: 'help', target: 'pursue', significant: 'substantial', worrying: 'troubling', working: 'striving', determined: 'resolved', hard: 'tirelessly',
  continue: 'keep', closely: 'together', safer: 'more secure', harm: 'damage', devastating: 'terrible', sophisticated: 'advanced', simple: 'clear', priority: 'focus', reluctant: 'unwilling',
  urge: 'encourage', anyone: 'everyone', concerns: 'worries', information: 'details', rise: 'increase', fall: 'drop', sharp: 'steep', whole: 'entire', help: 'assist', find: 'catch',
  officers: 'police', forces: 'police forces', crime: 'offending', communities: 'neighbourhoods', public: 'community', victims: 'those affected', offenders: 'criminals', children: 'youngsters',
  everything: 'all', ever: 'increasingly', vital: 'key', enable: 'allow', earlier: 'sooner', safe: 'secure', build: 'create', picture: 'understanding', future: 'years ahead',
};
