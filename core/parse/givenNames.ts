/**
 * Common given names in British releases, by the sex they usually name: used only to choose
 * between earlier speakers when a release says "she said" or "Mr Doe added", and only when the
 * release itself has not told (an honorific, an earlier "he"). A name in neither list tells nothing.
 */
const FEMALE =
  'abigail ada adele aisha alexandra alice alison amanda amber amelia amy andrea angela anita ann anna anne annette anya april ' +
  'beatrice bethan beth bethany bronwen caitlin carla carmen carol caroline catherine cerys charlotte chloe christine claire clare ' +
  'colette dawn deborah debbie denise diana donna eileen elaine eleanor elena elizabeth ella ellen eloise emily emma erin esther eve ' +
  'evelyn fatima felicity fiona frances freya gemma georgia gillian gwen gwyneth hannah harriet hayley heather helen helena hollie holly ' +
  'imogen ingrid irene isabel isabella isla jackie jacqueline jade jane janet jasmine jayne jennifer jenny jessica jill joan joanna ' +
  'joanne josephine joy judith julia julie karen kate katherine kathryn katie kay kerry kirsty laura lauren leah lesley lindsay linda ' +
  'lisa lorna louise lucy lydia lynn lynne mandy margaret maria marie marion martha mary maureen megan melanie michelle miriam molly ' +
  'morag nadia naomi natalie nia nicola nicole niamh nina olivia paula pauline penelope philippa polly priya rachel rebecca rhian ' +
  'rhiannon rosa rose rosie ruth sally samantha sandra sara sarah saoirse shannon sharon sheila shirley sian siobhan sonia sophie ' +
  'stephanie susan suzanne tamsin tanya teresa tessa tina tracey tracy valerie vanessa victoria wendy yvonne zara zoe';
const MALE =
  'aaron adam adrian aidan alan alastair alexander alistair andrew andy angus anthony arthur barry ben benjamin bernard bill bob brendan ' +
  'brian bruce callum calum cameron carl charles christopher ciaran clive colin colm connor craig dafydd dale damian daniel ' +
  'darren dave david dean declan derek desmond dominic donald douglas duncan dylan edward eoin eric euan ewan felix fergus finlay ' +
  'frank fraser gareth gary gavin geoffrey george gerald gethin glen glyn gordon graham grant gregory guy hamish harry hugh ' +
  'huw iain ian ifan ivan jack jacob jake james jamie jason jeremy jim joe john jon jonathan joseph joshua julian justin keith kenneth ' +
  'kevin kieran lee leon lewis liam luke malcolm mark martin matthew max michael mike mohammed muhammad neil nicholas nick nigel ' +
  'noel oliver oscar owain owen patrick paul peter philip phillip ralph ravi raymond rhodri rhys richard rob robert roger ronan ' +
  'ross rupert russell ryan samuel scott sean seamus shane simon stephen steve steven stuart terence thomas tim timothy tom tony ' +
  'trevor tristan vincent wayne william';

const SEX = new Map<string, 'f' | 'm'>([...FEMALE.split(' ').map((n) => [n, 'f'] as const), ...MALE.split(' ').map((n) => [n, 'm'] as const)]);

/** The sex a given name usually names, or undefined when it is not a common one (or is used for both). */
export function sexOfGivenName(name: string): 'f' | 'm' | undefined {
  return SEX.get(name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}
