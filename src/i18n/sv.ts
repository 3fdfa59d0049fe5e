/**
 * The Swedish catalogue: every sentence kd shows a user. English (en.ts) is
 * typed against this object, so a message missing there fails the build.
 * Messages say what was found and what was expected; the position is shown
 * by the renderer, never written into the sentence.
 */

import type { ErrorCode } from 'yaml';
import type { DecisionRecord } from '../model/index.js';
import type { AssignmentStatus } from '../query/assignments.js';
import type { Presence } from '../query/attendance.js';
import type { ForbiddenKind } from '../schema/common.js';
import type { Role, SubstituteRule } from '../schema/network.js';
import type { ApprovalMethod, ProtocolKind, ProtocolStatus } from '../schema/protocol.js';
import { type Expectation, wordExpectation } from './expectation.js';

const q = (s: string) => `”${s}”`;
/** "A, B eller C". */
const or = (list: readonly string[]) => (list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} eller ${list.at(-1)}`);
/** The end of an unknown name's sentence: the nearest known names as a question, else every known one (when listed), else a full stop. */
const suggest = (d: { near: readonly string[]; known?: readonly string[] }) =>
  d.near.length > 0 ? `; menade du ${or(d.near)}?` : d.known && d.known.length > 0 ? `: ${d.known.join(', ')}.` : '.';

export const sv = {
  messages: {
    // Loader
    'file.encoding': (d: { byte: string; char: string }) =>
      `Filen är inte UTF-8: oväntad byte ${d.byte} (${q(d.char)} i Windows-1252). Spara om filen som UTF-8.`,
    'file.too-large': (d: { size: number; max: number }) =>
      `Filen är ${d.size} byte, större än gränsen ${d.max} byte. Dela upp den eller kontrollera att det är rätt fil.`,
    'file.control': (d: { code: string }) =>
      `Oväntat styrtecken ${d.code} (filen är binär eller skadad), förväntade text; ta bort tecknet eller spara om filen.`,
    'file.ignored': (d: { name: string }) => `Filen ${q(d.name)} läses inte: protokoll ska sluta på .md (små bokstäver).`,
    'file.case-collision': (d: { other: string }) =>
      `Filnamnet skiljer sig bara i versaler från ${q(d.other)}; på Windows och macOS blir de samma fil. Byt namn på den ena.`,
    'file.symlink-outside': (d: { target: string }) =>
      `En symbolisk länk pekar ut ur arkivet (${d.target}); kd läser bara filer inne i arkivet.`,
    'file.symlink-dir': () => `En symbolisk länk till en mapp följs inte; lägg filerna direkt i arkivet.`,
    'file.unreadable': (d: { reason: string }) => `Filen kunde inte läsas (${d.reason}).`,
    'file.missing': (d: { file: string }) => `Filen ${d.file} saknas i arkivet.`,
    'file.not-regular': () =>
      `Oväntad mapp, länk till en mapp eller specialfil, förväntade en vanlig fil; kd läser den inte, och reglerna som behöver den skulle annars tyst stängas av.`,
    'file.network-id': (d: { name: string }) =>
      `Oväntat mappnamn ${q(d.name)} för ett nätverk, förväntade ett id med små bokstäver a–z, siffror och bindestreck; byt namn på mappen.`,
    'file.name-encoding': () => `Filnamnet är inte UTF-8 och kan inte läsas under sitt namn; byt namn på filen.`,
    'frozen.not-regular': (d: { base: string; file: string }) =>
      `Protokollet var justerat i ${d.base} och har ersatts av en symbolisk länk, förväntade den vanliga filen på sin plats; ett justerat protokoll ändras bara genom rättelser. Ta tillbaka filen med: git restore --source=${d.base} --staged --worktree -- ${d.file}`,
    'todo.missing': (d: { key: string }) =>
      `Oväntat TODO för ${d.key}, förväntade uppgiften: den fanns inte i källan som utkastet importerades från. Fyll i den.`,
    'frontmatter.open': (d: { found: string }) => `Oväntat ${q(d.found)} på rad 1, förväntade ${q('---')} som inleder front matter.`,
    'frontmatter.executable': (d: { found: string }) =>
      `Front matter av typen ${q(d.found)} körs som kod och tillåts inte; förväntade ${q('---')} följt av YAML.`,
    'frontmatter.unclosed': () => `Front matter avslutas aldrig: förväntade en rad med bara ${q('---')}.`,
    'body.unreadable': (d: { found: string; chars: number; lines: number; width: number; depth: number }) =>
      `Oväntad Markdown ${q(d.found)} som kd bara kan läsa i en kortare text (högst ${d.chars} tecken och ${d.lines} rader, rader på högst ${d.width} tecken och högst ${d.depth} nivåer av listor och citat), förväntade vanliga stycken, rubriker, listor och kodblock; punkternas rubriker lästes inte och filen kontrollerades inte vidare. Förenkla raden eller korta texten.`,
    'yaml.error': (d: { code: ErrorCode; found: string }) => `${yamlCode(d.code)}${d.found ? ` (vid ${q(d.found)})` : ''}.`,
    'yaml.alias': (d: { found: string }) => `Oväntat YAML-alias ${q(d.found)}: alias tillåts inte, skriv ut värdet.`,
    'yaml.key': (d: { found: string }) => `Oväntad nyckel ${q(d.found)}, förväntade en nyckel i klartext.`,
    'yaml.more': (d: { count: number }) =>
      `Ytterligare ${d.count} fel i samma front matter visas inte; rätta felen ovan och kör kd check igen.`,
    // YAML slips: the slip where it is, and what to do about it (archive/slips.ts).
    'yaml.tab': () =>
      `Oväntad tabb i indragningen, förväntade mellanslag: YAML räknar bara mellanslag. Byt tabben mot mellanslag, lika många som på raderna på samma nivå.`,
    'yaml.nbsp': (d: { place: 'indent' | 'dash' | 'colon' }) =>
      `Oväntat hårt mellanslag (ofta inklistrat från Word eller e-post) ${{ indent: 'i indragningen', dash: 'efter strecket', colon: 'efter kolonet' }[d.place]}, förväntade ett vanligt mellanslag: YAML räknar inte det hårda. Byt det hårda mellanslaget mot ett vanligt.`,
    'yaml.colon': (d: { found: string; quote: '"' | "'" }) =>
      `Oväntat kolon följt av mellanslag i texten ${q(d.found)}, förväntade en text: YAML läser kolonet som början på en ny nyckel. ${quoteAdvice(d.quote)}`,
    'yaml.smart-quotes': (d: { found: string; mark: string }) =>
      `Oväntat typografiskt citattecken ${d.mark} (från Word) först i ${q(d.found)}, förväntade ett rakt citattecken: YAML läser ${d.mark} som en vanlig bokstav, så kolonet i texten blir början på en ny nyckel. Byt de typografiska citattecknen runt texten mot raka, "…".`,
    'yaml.quote-rest': (d: { found: string; quote: '"' | "'" }) =>
      `Oväntad text efter det avslutande citattecknet i ${q(d.found)}, förväntade att citattecknen omsluter hela texten. ${quoteAdvice(d.quote)}`,
    'yaml.quote-unclosed': (d: { found: string; quote: '"' | "'" }) =>
      `Oväntat radslut i texten ${q(d.found)}, förväntade ett avslutande ${d.quote}: YAML läser vidare till nästa ${d.quote} längre ner. Sätt ett ${d.quote} sist i texten.`,
    'yaml.bracket-unclosed': (d: { found: string; close: string }) =>
      `Oväntat radslut i ${q(d.found)}, förväntade ett avslutande ${d.close}: YAML läser raderna under som en del av samma lista. Sätt ${d.close} sist på raden.`,
    'yaml.colon-space': (d: { key: string; found: string }) =>
      `Oväntat ${q(d.found)}, förväntade ett mellanslag efter kolonet: utan det läser YAML nyckeln ${q(d.key)} och värdet som en enda text. Lägg ett mellanslag efter kolonet.`,
    'yaml.colon-missing': (d: { key: string; found: string }) =>
      `Oväntad rad ${q(d.found)} utan kolon, förväntade en nyckel följd av kolon och mellanslag. Skriv ett kolon efter ${q(d.key)}.`,
    'yaml.indent': (d: { found: number; expected: number }) =>
      `Oväntad indragning med ${d.found} mellanslag, förväntade ${d.expected} som raderna på samma nivå. Flytta raden ${Math.abs(d.expected - d.found)} steg ${d.expected > d.found ? 'in (åt höger)' : 'ut (åt vänster)'}.`,
    'yaml.dash': (d: { found: string }) =>
      `Oväntad text ${q(d.found)} utan streck, förväntade en ny punkt i listan. Sätt ett streck och mellanslag först på raden, ”- ”, med strecket rakt under strecken i listan ovanför.`,
    'yaml.dash-space': (d: { found: string }) =>
      `Oväntat ${q(d.found)}, förväntade ett mellanslag efter strecket som inleder en punkt i listan. Lägg ett mellanslag efter strecket.`,
    'yaml.hash-empty': (d: { found: string; quote: '"' | "'" }) =>
      `Oväntat # först i värdet ${q(d.found)}, förväntade en text: YAML läser allt från # till radens slut som en kommentar, och värdet blir tomt. ${quoteAdvice(d.quote)}`,
    'yaml.hash-cut': (d: { found: string; cut: string; quote: '"' | "'" }) =>
      `Oväntad kommentar ${q(d.cut)} direkt efter texten ${q(d.found)}, förväntade fortsättningen på texten eller ett mellanslag efter #: YAML läser allt från # till radens slut som en kommentar, som inte kommer med. Hör ${q(d.cut)} till texten? ${quoteAdvice(d.quote)} Är det en kommentar, skriv ett mellanslag efter #.`,
    'yaml.smart-quotes-kept': (d: { found: string; mark: string }) =>
      `Oväntade typografiska citattecken ${d.mark} (från Word) runt texten ${q(d.found)}, förväntade raka citattecken om de ska omge texten: YAML behåller ${d.mark} som tecken i texten. Byt dem mot raka citattecken, "…"; ska de synas i texten, låt dem stå.`,
    'yaml.dash-fold': (d: { found: string }) =>
      `Oväntad rad ${q(d.found)} utan streck efter en text som slutar med punkt, förväntade en ny punkt i listan: YAML läser raden som fortsättning på texten ovanför. Är det en ny punkt, sätt ett streck och mellanslag först på raden, ”- ”, rakt under strecket ovanför; hör den till texten ovanför, skriv den på samma rad.`,
    // Schema
    'schema.unknown-key': (d: { key: string; known?: string }) =>
      `Okänd nyckel ${q(d.key)}${d.known !== undefined ? `, förväntade ${q(d.known)}: rätta stavningen` : ''}.`,
    'schema.missing': (d: { key: string; expected: Expectation }) => `Nyckeln ${q(d.key)} saknas, förväntade ${expectation(d.expected)}.`,
    'schema.invalid': (d: { expected: Expectation; found: string; known?: string }) =>
      `Oväntat ${d.found === '' ? 'tomt värde' : q(d.found)}, förväntade ${expectation(d.expected)}${d.known !== undefined ? `; menade du ${d.known}?` : '.'}`,
    'schema.list-dash': (d: { found: string }) =>
      `Oväntad text ${q(d.found)} på raden under nyckeln, förväntade en lista, där varje punkt börjar med ett streck och mellanslag. Sätt ”- ” först på raden, och på varje rad under den som är en egen punkt.`,
    'schema.control': (d: { code: string; kind: ForbiddenKind }) =>
      ({
        control: `Oväntat styrtecken ${d.code}, förväntade vanlig text; ta bort tecknet (i citerad YAML står det ofta som en escape-sekvens, t.ex. \\e, \\0 eller \\x1B).`,
        cr: `Oväntad ensam vagnretur ${d.code}, förväntade vanlig text; ta bort tecknet, eller skriv en radbrytning som \\n.`,
        noncharacter: `Oväntat icke-tecken ${d.code}, förväntade vanlig text; ta bort tecknet (i citerad YAML står det ofta som \\u eller \\U följt av koden).`,
        bidi: `Oväntat riktningstecken ${d.code} (det visar texten i en annan ordning än den lyder), förväntade vanlig text; ta bort tecknet.`,
        surrogate: `Oväntat halvt surrogatpar ${d.code}, förväntade hela tecken; ta bort det eller skriv tecknet med sin egen kod (\\U och åtta siffror).`,
      })[d.kind],
    // References
    'unknown-person': (d: { id: string; known: string }) =>
      `Okänd person ${q(d.id)}, förväntade ett id ur people.yml${d.known ? `; menade du ${d.known}?` : '.'}`,
    'approval.absent': (d: { id: string }) =>
      `${q(d.id)} justerade protokollet men deltog inte i mötet, förväntade någon som var närvarande (present, partial, remote eller ersättare).`,
    'approval.approver-absent': (d: { id: string }) =>
      `Justeraren ${q(d.id)} deltog inte i mötet, förväntade en justerare bland dem som var närvarande.`,
    'approval.before-meeting': (d: { date: string; meeting: string }) =>
      `Oväntat justeringsdatum ${d.date}, förväntade mötesdagen ${d.meeting} eller senare.`,
    'approval.missing': () =>
      'Protokollet har justerats utan uppgift om justeringen, förväntade approval: { date, by, method } med status: justerat; kör kd approve PROTOKOLL --by ID, som skriver båda.',
    'approval.draft': () => 'Oväntad status utkast med en justering (approval) i front matter, förväntade status: justerat.',
    'confidential.correction': (d: { item: number }) =>
      `Rättelsen gäller punkt ${d.item}, som är sekretessbelagd, men visas i sin helhet i den offentliga versionen; förväntade confidential: { reason } också på rättelsen.`,
    'unknown-owner': (d: { id: string; known: string }) =>
      `Okänd ansvarig ${q(d.id)}, förväntade ett id ur people.yml eller en etikett under owners: i kd.yml${d.known ? `; menade du ${d.known}?` : '.'}`,
    'unknown-network': (d: { id: string }) => `Okänt nätverk ${q(d.id)}, förväntade en mapp networks/${d.id}/ med network.yml.`,
    'unknown-municipality': (d: { name: string }) => `Okänd kommun ${q(d.name)}, förväntade en av kommunerna i kd.yml.`,
    'network-mismatch': (d: { expected: string; found: string }) =>
      `Oväntat nätverk ${q(d.found)}, förväntade ${q(d.expected)} eftersom filen ligger i dess mapp.`,
    'officer-absent': (d: { role: 'chair' | 'secretary'; id: string }) =>
      `${d.role === 'chair' ? 'Ordföranden' : 'Sekreteraren'} ${q(d.id)} finns inte bland de närvarande, förväntade närvaro (present, partial eller remote).`,
    'chair-missing': () => `Protokollet saknar ordförande, förväntade nyckeln ${q('chair')} när kind är protokoll.`,
    'roster-unaccounted': (d: { id: string; name: string }) =>
      `${d.name} (${d.id}) är medlem på mötesdagen men saknas i närvaron, förväntade personen under present, partial, remote, substitutes, regrets eller absent.`,
    'attendance-duplicate': (d: { id: string; first: string; second: string }) =>
      `${q(d.id)} står både under ${d.first} och ${d.second}, förväntade personen på ett ställe.`,
    'not-on-roster': (d: { id: string; list: string }) => `${q(d.id)} står under ${d.list} men är inte medlem på mötesdagen.`,
    'substitute.none': () => `Nätverket har inga ersättare (substitutes: none), förväntade en tom lista.`,
    'substitute.personal': (d: { person: string; principal: string; expected: string }) =>
      `Oväntad ersättare ${q(d.person)} för ${q(d.principal)}, förväntade den personliga ersättaren ${q(d.expected)}.`,
    'substitute.no-personal': (d: { principal: string }) =>
      `${q(d.principal)} har ingen personlig ersättare i network.yml, förväntade ingen ersättare.`,
    'substitute.principal': (d: { principal: string }) =>
      `${q(d.principal)} ersätts men är inte medlem på mötesdagen, förväntade en medlem.`,
    // Numbering and structure
    'number-duplicate': (d: { number: number; other: string }) =>
      `Numret ${d.number} används redan av ${d.other}, förväntade ett unikt nummer inom året.`,
    'number-gap': (d: { expected: number; found: number }) =>
      `Oväntat nummer ${d.found}, förväntade ${d.expected}: numren ska löpa utan luckor inom året.`,
    'number-order': (d: { number: number; other: string }) =>
      `Nummer ${d.number} har ett tidigare datum än ${d.other} men ett högre nummer, förväntade nummer i datumordning.`,
    'file-name.number': (d: { expected: number; found: number; name: string }) =>
      `Oväntat nummer ${d.found}, förväntade ${d.expected} som i filnamnet ${d.name} och i årets ordning.`,
    'file-name': (d: { expected: string; found: string }) =>
      `Oväntat filnamn ${q(d.found)}, förväntade ${q(d.expected)} enligt nätverk, datum och nummer.`,
    'item-numbering': (d: { expected: number; found: number }) =>
      `Oväntat punktnummer ${d.found}, förväntade ${d.expected}: punkterna numreras 1, 2, 3 … utan luckor.`,
    'section-missing': (d: { no: number; title: string }) =>
      `Punkt ${d.no} (${d.title}) saknar avsnitt i texten, förväntade en rubrik ${q(`## ${d.no}. ${d.title}`)}.`,
    'section-extra': (d: { found: string }) =>
      `Oväntat avsnitt ${q(d.found)} utan punkt i front matter, förväntade en punkt under items med samma nummer.`,
    'section-number': (d: { found: string; expected: number }) =>
      `Oväntat nummer i rubriken ${q(d.found)}, förväntade ## ${d.expected}. som punkten med samma rubrik under items.`,
    'section-title': (d: { no: number; expected: string; found: string }) =>
      `Rubriken för punkt ${d.no} är ${q(d.found)}, förväntade ${q(d.expected)} som i items.`,
    'decision-kind': (d: { found: 'decisions' | 'agreements' }): string =>
      d.found === 'decisions'
        ? `Oväntade beslut (decisions) i ett nätverk som inte fattar beslut, förväntade agreements.`
        : `Oväntade överenskommelser (agreements) i ett beslutande nätverk, förväntade decisions.`,
    // Times and dates
    'time-range': (d: { found: string; meeting: string }) =>
      `Klockslaget ${q(d.found)} ligger utanför mötestiden ${d.meeting}, förväntade en tid inom mötet.`,
    'time-order': (d: { from: string; until: string }) =>
      `Personen kom kl. ${d.from} men gick redan kl. ${d.until}, förväntade att from ligger före until.`,
    'item-range': (d: { found: string; count: number }) => `Punkterna ${q(d.found)} finns inte, förväntade nummer mellan 1 och ${d.count}.`,
    'due-date': (d: { due: string; date: string }) =>
      `Uppdraget ska vara klart senast ${d.due}, förväntade ett datum efter mötet ${d.date}.`,
    'follows-up.unknown': (d: { ref: string; known: string }) =>
      `Okänt beslut ${q(d.ref)}, förväntade ett besluts-id som finns i arkivet${d.known ? `; menade du ${d.known}?` : '.'}`,
    'follows-up.later': (d: { ref: string; date: string }) =>
      `Beslutet ${q(d.ref)} fattades ${d.date}, förväntade ett beslut från ett tidigare möte.`,
    'follows-up.not-assignment': (d: { ref: string }) => `Beslutet ${q(d.ref)} har ingen ansvarig (owner), förväntade ett uppdrag.`,
    'roster-term': (d: { from: string; to: string }) =>
      `Medlemskapet slutar ${d.to}, innan det börjar ${d.from}, förväntade ett slutdatum (to) efter startdatumet (from).`,
    'roster-overlap': (d: { id: string }) => `${q(d.id)} har två mandatperioder som överlappar, förväntade en i taget.`,
    'frozen.changed': (d: { base: string; file: string }) =>
      `Protokollet var justerat i ${d.base} och får inte ändras, förväntade oförändrad text eller nya poster sist under corrections (date, by, what). Ångra ändringen med: git restore --source=${d.base} --staged --worktree -- ${d.file} (det tar också bort nya rättelser; skriv dem sedan sist under corrections).`,
    'frozen.deleted': (d: { base: string; file: string }) =>
      `Ett justerat protokoll (i ${d.base}) har tagits bort, förväntade att det finns kvar oförändrat. Ta tillbaka det med: git restore --source=${d.base} --staged --worktree -- ${d.file}`,
    'frozen.renamed': (d: { from: string; base: string; file: string }) =>
      `Ett justerat protokoll har bytt namn från ${d.from} (i ${d.base}), förväntade att det ligger kvar under sitt namn. Flytta tillbaka det med: git mv ${d.file} ${d.from}`,
    'term-overlap': (d: { id: string; other: string }) =>
      `Mandatperioden ${q(d.id)} överlappar ${q(d.other)}, förväntade perioder efter varandra.`,
    'term-meetings': (d: { id: string; meetings: number; perTerm: number }) =>
      `Mandatperioden ${d.id} planerar ${d.meetings} möten men meetings_per_term säger ${d.perTerm}, förväntade samma antal möten per mandatperiod (inte per år).`,
    'term-order': (d: { from: string; to: string }) =>
      `Mandatperioden slutar ${d.to}, innan den börjar ${d.from}, förväntade ett slutdatum (to) efter startdatumet (from).`,
    'term-duplicate': (d: { id: string }) => `Mandatperioden ${q(d.id)} finns redan, förväntade ett eget id för varje mandatperiod.`,
    'roster-outside-terms': (d: { date: string }) =>
      `Datumet ${d.date} ligger inte i någon mandatperiod under terms, förväntade ett datum inom en period.`,
    'calendar-duplicate': (d: { date: string }) => `Datumet ${d.date} finns redan i kalendern.`,
  },

  expect: {
    id: 'ett id med små bokstäver a–z, siffror och bindestreck (t.ex. anna-berg)',
    text: 'en icke-tom text',
    date: 'ett datum ÅÅÅÅ-MM-DD',
    'real-date': 'en dag som finns i kalendern (februari har 28 dagar, 29 under skottår; april, juni, september och november har 30)',
    time: 'en tid TT:MM',
    'time-range': 'en tid TT:MM-TT:MM',
    'time-range-order': 'en sluttid efter starttiden',
    'item-range': 'punktnummer som 3, "1-4" eller "2,5"',
    sha256: 'en SHA-256-summa med 64 hexadecimala tecken',
    'approval-method': 'paper (på papper) eller e-signature (med e-underskrift)',
    'decision-ref': 'ett besluts-id, t.ex. ”kd-gruppen 1/2019 §2:1”',
    'positive-int': 'ett heltal större än 0',
    decision: 'en beslutstext eller {text, owner, due}',
    partial: 'minst en av from, until eller items',
    'municipality-or-organisation': 'municipality eller organisation',
    people: 'en mappning från id till person',
    role: 'chair, vice-chair, secretary eller member',
    substitutes: 'none, personal eller any',
    kind: 'protokoll eller anteckningar',
    status: 'utkast eller justerat',
    locale: 'sv eller en',
    boolean: 'true eller false',
    list: 'en lista',
    'id-list': 'en lista med person-id',
    'nonempty-list': 'en lista med minst ett element',
    valid: 'ett giltigt värde',
    control: 'text utan styrtecken',
    email: 'en e-postadress',
    'site-url': 'en webbadress som börjar med https:// eller http://, utan inloggning, ? och #',
    'term-id': 'ett id för mandatperioden, t.ex. 2019-2022',
    year: 'ett årtal',
    half: 'ett halvår på formen ÅÅÅÅH1 eller ÅÅÅÅH2, t.ex. 2019H1',
    share: 'en andel, t.ex. 1/3 eller 1/2',
  },

  types: {
    string: 'en text',
    number: 'ett tal',
    int: 'ett heltal',
    boolean: 'true eller false',
    object: 'en mappning (nyckel: värde)',
    array: 'en lista',
    record: 'en mappning (nyckel: värde)',
  } as Record<string, string>,

  yamlCodes: {
    ALIAS_PROPS: 'Ett alias kan inte ha ankare eller tagg',
    BAD_ALIAS: 'Felaktigt alias',
    BAD_DIRECTIVE: 'Okänt YAML-direktiv',
    BAD_DQ_ESCAPE: 'Ogiltig escape-sekvens i citerad text',
    BAD_INDENT: 'Oväntad indragning',
    BAD_PROP_ORDER: 'Ankare och tagg i fel ordning',
    BAD_SCALAR_START: 'Ett värde kan inte börja med detta tecken; sätt värdet inom citattecken',
    BLOCK_AS_IMPLICIT_KEY: 'Ett block kan inte vara nyckel',
    BLOCK_IN_FLOW: 'Ett block kan inte stå inom [ ] eller { }',
    DUPLICATE_KEY: 'Nyckeln finns redan i samma mappning; varje nyckel får förekomma en gång',
    IMPOSSIBLE: 'YAML-texten kunde inte tolkas',
    KEY_OVER_1024_CHARS: 'Nyckeln är längre än 1024 tecken',
    MISSING_CHAR: 'Ett tecken saknas (ett avslutande citattecken eller en parentes)',
    MULTILINE_IMPLICIT_KEY: 'En nyckel kan inte sträcka sig över flera rader',
    MULTIPLE_ANCHORS: 'Ett värde kan bara ha ett ankare',
    MULTIPLE_DOCS: 'Flera YAML-dokument i samma fil; förväntade ett',
    MULTIPLE_TAGS: 'Ett värde kan bara ha en tagg',
    NON_STRING_KEY: 'Nyckeln måste vara text',
    RESOURCE_EXHAUSTION: 'YAML-texten är för komplex',
    TAB_AS_INDENT: 'Tabb används som indragning; YAML kräver mellanslag',
    TAG_RESOLVE_FAILED: 'Okänd eller otillåten YAML-tagg',
    UNEXPECTED_TOKEN: 'Oväntat tecken i YAML-texten',
    BAD_COLLECTION_TYPE: 'Fel sorts samling för taggen',
  } satisfies Record<ErrorCode, string>,

  ui: {
    /** A list entry in a finding's key path, as the secretary counts it: `items[2]` is punkt 3. */
    entry: {
      items: 'punkt',
      decisions: 'beslut',
      agreements: 'överenskommelse',
      follows_up: 'uppföljning',
      corrections: 'rättelse',
      guests: 'gäst',
      roster: 'medlem',
      terms: 'mandatperiod',
      meetings: 'möte',
      municipalities: 'kommun',
    } as Record<string, string>,
    /** Any other list's entry: `present[1]` is present nr 2. */
    entryOf: (d: { key: string; n: number }) => `${d.key} nr ${d.n}`,
    historySkipped: 'Historikregeln (frozen-protocol) hoppades över: arkivet ligger inte i ett git-förråd.',
    severity: { error: 'fel', warning: 'varning' },
    summary: (d: { errors: number; warnings: number; files: number }) =>
      `${d.errors} fel, ${d.warnings} ${d.warnings === 1 ? 'varning' : 'varningar'} i ${d.files} ${d.files === 1 ? 'fil' : 'filer'}.`,
    clean: (d: { files: number }) => `Inga anmärkningar i ${d.files} ${d.files === 1 ? 'fil' : 'filer'}.`,
    atLeast: (n: number) => `minst ${n} element`,
    atMost: (n: number) => `högst ${n}`,
    oneOf: (values: string) => `ett av ${values}`,
    index: {
      written: (d: { count: number; dir: string }) => `Skrev ${d.count} register i ${d.dir}.`,
      unchanged: (d: { dir: string }) => `Registren i ${d.dir} var redan aktuella.`,
      current: (d: { count: number }) => `Alla ${d.count} register stämmer med protokollen.`,
      stale: 'Inaktuella register:',
    },
    lock: {
      staleTaken: (d: { file: string; pid: string | number; host: string; started: string }) =>
        `Tog över låset ${d.file} efter process ${d.pid} på ${d.host} (startad ${d.started}); den körningen har avslutats eller är för gammal för att pågå.`,
    },
    cache: {
      ignored: (d: { path: string; why: string }) =>
        `Cachen ${d.path} används inte (${d.why}); kd läser alla filer från början, vilket bara tar längre tid. Ange en egen mapp med KD_CACHE_DIR eller stäng av cachen med KD_CACHE=off.`,
      why: {
        'not-dir': 'ingen vanlig mapp',
        special: 'en systemmapp som /proc eller /sys',
        owner: 'ägs av en annan användare',
        writable: 'vem som helst kan skriva där',
        'not-file': 'ingen vanlig fil',
        'too-large': 'större än 256 MB',
      },
    },
    preCommit: {
      blocked: 'Commiten stoppades: rätta felen ovan och gör commit igen. Samma kontroll körs i CI.',
      updated: (d: { count: number }) =>
        `Registren i index/ gäller nu det som checkas in; ${d.count === 1 ? 'en fil skrevs' : `${d.count} filer skrevs`} och lades till i commiten:`,
    },
    newProtocol: {
      written: (d: { file: string }) => `Skapade ${d.file}`,
      todo: 'Att fylla i efter mötet:',
      todoItems: [
        'närvaro: flytta den som inte kom till regrets (anmält förhinder) eller absent, och den som kom och gick till partial',
        'gäster under guests, med organisation och roll',
        'beslut under varje punkt (decisions, eller agreements i ett nätverk som inte beslutar)',
        'follows_up för de uppdrag som redovisades',
        'texten under varje rubrik',
        'sedan: npx kd check, git add och git commit; pre-commit-kroken uppdaterar registren i index/ (utan kroken: npx kd index före commit)',
      ],
      openCount: (n: number) =>
        n === 0 ? 'Inga öppna uppdrag.' : n === 1 ? '1 öppet uppdrag står under punkt 1.' : `${n} öppna uppdrag står under punkt 1.`,
      askDate: 'Mötesdatum (ÅÅÅÅ-MM-DD)',
      askTime: 'Tid (TT:MM-TT:MM)',
      askPlace: 'Plats',
      invalidAnswer: (expected: string) => `Förväntade ${expected}.`,
    },
  },

  scaffold: {
    followUpTitle: 'Uppföljning av uppdrag',
    acting: 'tf',
    followsUpHint: 'Ta bort # på raden nedan och behåll de uppdrag som redovisades på mötet:',
    kindTitle: { protokoll: 'protokoll', anteckningar: 'anteckningar' } satisfies Record<ProtocolKind, string>,
  },

  registers: {
    presence: { present: 'N', partial: 'D', remote: 'R', represented: 'E', regrets: 'F', absent: 'A' } satisfies Record<Presence, string>,
    presenceWord: {
      present: 'närvarande',
      partial: 'delvis närvarande',
      remote: 'på distans',
      represented: 'ersatt (en ersättare deltog)',
      regrets: 'anmält förhinder',
      absent: 'frånvarande utan anmälan',
    } satisfies Record<Presence, string>,
    notMember: '·',
    notMemberWord: 'inte medlem',
    columns: {
      name: 'Namn',
      municipality: 'Kommun',
      attended: 'Närvaro',
      rate: 'Andel',
      inactive: 'Inaktiv',
      meetings: 'Möten',
      /** A municipality: a member or a substitute took part. */
      represented: 'Företrädd',
      representationRate: 'Andel företrädd',
      /** A person: a substitute took part in the member's place. */
      substituted: 'Ersatt',
      id: 'Id',
      date: 'Datum',
      item: 'Punkt',
      text: 'Text',
      owner: 'Ansvarig',
      due: 'Senast',
      status: 'Status',
      doneIn: 'Uppföljt i',
      network: 'Nätverk',
      kind: 'Typ',
      person: 'Person-id',
      partial: 'Delvis',
      remote: 'Distans',
      regrets: 'Förhinder',
      absent: 'Frånvarande',
      protocol: 'Protokoll',
      takeHome: 'Att ta hem',
      presence: 'Deltagande',
      detail: 'Del av mötet',
      substitute: 'Ersättare',
    },
    takeHomeMark: 'ja',
    yes: 'ja',
    status: { open: 'öppet', overdue: 'försenat', done: 'klart' } satisfies Record<AssignmentStatus, string>,
    kind: { decision: 'beslut', agreement: 'överenskommelse' } satisfies Record<DecisionRecord['kind'], string>,
    attendanceTitle: (network: string) => `Närvaro: ${network}`,
    municipalitiesTitle: 'Närvaro per kommun',
    wholeHistory: (d: { meetings: number; from: string; to: string }) =>
      `${d.meetings === 1 ? 'Ett möte' : `${d.meetings} möten`}, ${d.from} – ${d.to}. Varje års möten står under året, det senaste först.`,
    noMeetings: 'Inga möten ännu.',
    yearTitle: (year: string) => `Möten ${year}`,
    decisionsTitle: 'Beslut och överenskommelser',
    assignmentsTitle: 'Uppdrag',
    meetingsLine: (list: string) => `Möten: ${list}.`,
    legend: (list: string) => `Teckenförklaring: ${list}.`,
    inactive: (names: string) => `Inaktiva (har missat tre eller fler möten i rad): ${names}.`,
    asOf: (date: string) => `Status per ${date}.`,
    /** Instead of an empty table: the municipality or person asked about had no member in the network. */
    noMemberFrom: (d: { municipality: string; network: string; period: boolean }) =>
      d.period
        ? `Ingen från ${d.municipality} var medlem i ${d.network} under perioden.`
        : `Ingen från ${d.municipality} har varit medlem i ${d.network}.`,
    personNotMember: (d: { person: string; network: string; period: boolean }) =>
      d.period ? `${d.person} var inte medlem i ${d.network} under perioden.` : `${d.person} har inte varit medlem i ${d.network}.`,
    /** A query (kd decisions, kd attendance …) that found nothing. */
    noRows: 'Inga rader matchar urvalet.',
    noDecisions: 'Inga beslut eller överenskommelser.',
    noAssignments: 'Inga uppdrag.',
    generated: 'Skapad av kd index ur protokollen; ändra inte för hand.',
    protocolStatus: { utkast: 'utkast', justerat: 'justerat' } satisfies Record<ProtocolStatus, string>,
    draftMark: 'ej justerat',
    draftLegend: '”Ej justerat”: protokollet är ännu inte justerat, och det som står i det kan ändras vid justeringen.',
  },

  report: {
    title: (d: { period: string }) => `Sammanställning av ${d.period}`,
    /** 2019H2 in words: "andra halvåret 2019". */
    halfName: (d: { year: string; half: 1 | 2 }) => `${d.half === 1 ? 'första' : 'andra'} halvåret ${d.year}`,
    /** 2019H2 as a column title: "jul–dec 2019". */
    halfShort: (d: { year: string; half: 1 | 2 }) => `${d.half === 1 ? 'jan–jun' : 'jul–dec'} ${d.year}`,
    periodLine: (d: { from: string; to: string }) => `Period: ${d.from} – ${d.to}.`,
    asOfLine: (d: { date: string }) => `Läget den ${d.date}: möten därefter räknas som kommande.`,
    builtFrom: (d: { commit?: string; dirty: boolean; version: string }) =>
      d.commit
        ? `Underlag: arkivet vid commit ${d.commit}${d.dirty ? ' med ändringar som inte är incheckade' : ''}, kd ${d.version}.`
        : `Underlag: arkivet (inte i git), kd ${d.version}.`,
    networksLine: (names: string) => `Nätverk: ${names}.`,
    overview: 'Översikt',
    measure: 'Mått',
    change: 'Förändring',
    rows: {
      meetings: 'Hållna möten',
      planned: 'Planerade möten enligt kalendern',
      cancelled: 'varav inställda',
      attendance: 'Närvaro (medlemmar från kommunerna)',
      decisions: 'Beslut',
      agreements: 'Överenskommelser',
      takeHome: 'varav att ta hem till kommunerna',
      guests: 'Gäster',
      opened: 'Nya uppdrag',
      done: 'Slutförda uppdrag',
      open: 'Öppna uppdrag vid periodens slut',
      overdue: 'varav försenade',
    },
    points: (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n)} ${Math.abs(n) === 1 ? 'procentenhet' : 'procentenheter'}`,
    termLine: (d: { network: string; term: string; held: number; planned?: number }) =>
      `${d.network}, mandatperiod ${d.term}: hittills har ${d.held}${d.planned !== undefined ? ` av ${d.planned} planerade` : ''} möten hållits.`,
    noComparison: (d: { previous: string }) => `Ingen jämförelse med ${d.previous}: arkivet har inga protokoll från det halvåret.`,
    municipalities: 'Närvaro per kommun',
    municipalitiesIntro:
      'Räknat över alla nätverk: de möten där kommunen hade en medlem. Närvarande betyder att en medlem deltog; företrädd att en medlem eller en ersättare deltog.',
    meetingsChart: 'Möten per nätverk',
    meetingsChartIntro: 'Varje punkt är ett möte under halvåret.',
    municipalityChartLabel: (d: { municipality: string; rate: string }) => `${d.municipality}: ${d.rate}`,
    meetings: 'Möten',
    attendance: 'Närvaro',
    guests: 'Gäster',
    decisions: 'Beslut',
    agreements: 'Överenskommelser',
    assignments: 'Uppdrag',
    assignmentsIntro: 'Uppdragen från perioden och de som var öppna när den började, med status vid periodens slut.',
    columns: {
      number: 'Nr',
      date: 'Datum',
      place: 'Plats',
      theme: 'Tema',
      present: 'Närvarande',
      name: 'Namn',
      organisation: 'Organisation',
      role: 'Roll',
      meeting: 'Möte',
    },
    mission: 'Uppdrag',
    noMeetings: 'Arkivet har inga protokoll från perioden.',
    noGuests: 'Inga gäster.',
    planned: (d: { held: number; planned: number }) => `${d.held} av ${d.planned} planerade möten hölls.`,
    plannedSoFar: (d: { held: number; planned: number; date: string }) =>
      `${d.held} av ${d.planned} möten som planerats till och med ${d.date} hölls.`,
    coming: (d: { list: string }) => `Kommande: ${d.list}.`,
    content: 'Vad mötena behandlade',
    summary: 'Sammanfattning',
    summaryLine: (d: { held: number; planned?: number; cancelled: number; rate: string }) =>
      `${d.planned !== undefined ? `${d.held} av ${d.planned} planerade möten hölls${d.cancelled > 0 ? ` (${d.cancelled} ställdes in)` : ''}` : `${d.held} ${d.held === 1 ? 'möte hölls' : 'möten hölls'}`}, med ${d.rate} närvaro.`,
    summaryNothing: 'Inga beslut att ta hem och inga försenade uppdrag.',
    summaryTakeHome: 'Att ta hem:',
    summaryOverdue: 'Försenat uppdrag:',
    summaryOwner: (d: { owner: string; due: string }) => `– ${d.owner}, senast ${d.due}`,
    meetingHeading: (d: { id: string; date: string; theme?: string; draft?: string }) =>
      `${d.id}, ${d.date}${d.theme ? ` – ${d.theme}` : ''}${d.draft ? ` (${d.draft})` : ''}`,
    decisionLine: (d: { kind: string; text: string; id: string; marks: string[] }) =>
      `${d.kind[0]!.toLocaleUpperCase('sv')}${d.kind.slice(1)}: ${d.text} (${[d.id, ...d.marks].join(', ')})`,
  },

  init: {
    configComment: 'Arkivets inställningar: organisation, språk (sv eller en) och kommunerna, i svensk sortering.',
    peopleComment: 'Varje person en gång: id -> namn, kommun eller organisation, titel.',
    networkComment: 'Nätverket: namn, uppdrag, om det fattar beslut, ersättare och medlemslistan med mandatperioder.',
    calendarComment: 'Planerade möten (årshjul): date, time, place, theme och agenda. kd new-protocol hämtar nästa möte härifrån.',
    mission: 'Beskriv nätverkets uppdrag här.',
    created: (d: { dir: string }) => `Skapade ett nytt arkiv i ${d.dir}:`,
    next: 'Kvar att göra:',
    steps: (d: { cd: string | undefined; gitInit: boolean; hooks: boolean; network: string }) => [
      ...(d.cd ? [`cd ${d.cd}`] : []),
      'npm install   (installerar kd i arkivet och skriver package-lock.json, som checkas in: CI kör samma version)',
      ...(d.gitInit ? ['git init'] : []),
      ...(d.hooks ? ['git config core.hooksPath .githooks   (kontroll och aktuella register vid varje commit)'] : []),
      `lägg in medlemmarna: personerna i people.yml och medlemslistan i networks/${d.network}/network.yml, eller npx kd import --roster FIL --network ${d.network} --date ÅÅÅÅ-MM-DD`,
      'git add -A && git commit -m "Nytt protokollarkiv"',
      `före varje möte: npx kd new-protocol --network ${d.network}`,
    ],
    packageDescription: (d: { organisation: string }) => `Protokollarkiv för ${d.organisation}, kontrollerat med kd`,
    gitignoreComment: 'kd och dess beroenden installeras med npm install, och webbplatsen byggs med kd site; ingetdera checkas in.',
    ask: {
      organisation: 'Organisation (t.ex. Skåne Nordost)',
      municipalities: 'Medlemskommuner, med kommatecken emellan',
      municipalitiesExpected: 'minst en kommun',
      networkName: 'Nätverkets namn',
      networkNameDefault: 'Kommundirektörsgruppen',
      network: 'Nätverkets id (a–z, 0–9 och bindestreck)',
      decides: 'Fattar nätverket beslut? Svara nej om det bara gör överenskommelser (j/n)',
      yes: ['j', 'ja', 'y', 'yes'],
      no: ['n', 'nej', 'no'],
      yesNoExpected: 'j eller n',
      substitutes: 'Ersättare: none (inga), personal (personlig ersättare) eller any (kommunen skickar någon annan)',
      secretary: 'Sekreterarens namn',
      secretaryFrom: 'Sekreterare sedan (ÅÅÅÅ-MM-DD; det äldsta protokollets datum om arkivet fylls på bakåt)',
    },
    ci: {
      githubHeader: [
        'Skapad av kd init. Kontrollerar protokollen och registren vid varje push och',
        'pull request; anmärkningarna visas på pull requestens rader. kd installeras',
        'med npm ci i den version som package-lock.json anger.',
      ],
      gitlabHeader: [
        'Skapad av kd init. Kontrollerar protokollen och registren vid varje push och',
        'merge request; anmärkningarna visas som JUnit-rapport. kd installeras med',
        'npm ci i den version som package-lock.json anger.',
      ],
      hookHeader: [
        'Skapad av kd init: kontrollerar ändringarna före varje commit på samma sätt',
        'som CI och lägger till aktuella register (index/) i commiten. Aktiveras med:',
      ],
      install: 'Installera kd (npm ci)',
      history: 'Hela historiken: regeln frozen-protocol jämför med basrevisionen.',
      env: 'Värden från händelsen går via miljön, aldrig in i skripttexten.',
      hookMissing: 'kd är inte installerat i arkivet (node_modules/.bin/kd saknas). Kör npm install här och gör commit igen.',
      pagesHeader: [
        'Skapad av kd init. Bygger arkivets offentliga webbplats (kd site) vid varje push',
        'till main och publicerar den med GitHub Pages. Slå på Pages under Settings >',
        'Pages > Source: GitHub Actions. Ta bort filen om arkivet inte ska publiceras.',
      ],
      sitePublic: 'Offentlig version: sekretessbelagt och gäster som inte ska publiceras utelämnas.',
      gitlabPages:
        'Arkivets offentliga webbplats (kd site) på GitLab Pages, byggd från huvudgrenen. Ta bort jobbet om arkivet inte ska publiceras.',
    },
  },

  approve: {
    done: (d: { file: string; id: string; by: string; date: string }) => `Justerade ${d.file} (${d.id}): ${d.by}, ${d.date}.`,
    commit: (d: { file: string; message: string }) => `Nästa steg: git add ${d.file} && git commit -m "${d.message}"`,
    tag: (d: { tag: string; message: string }) => `Signera justeringen i git: git tag -s ${d.tag} -m "${d.message}"`,
    message: (d: { id: string }) => `Justera ${d.id}`,
    sha256: (d: { hash: string; id: string; lang: string }) =>
      `SHA-256 för PDF/A-protokollet som skrivs under: ${d.hash} (kd render "${d.id}" --format pdf --lang ${d.lang} --out FIL ger det; kd verify FIL känner igen det).`,
  },
  verify: {
    matches: (d: { file: string; id: string; date?: string }) =>
      `${d.file} är ${d.id}, justerat${d.date !== undefined ? ` ${d.date}` : ''}, enligt arkivet.`,
    matchesPublic: (d: { file: string; id: string }) => `${d.file} är den offentliga versionen av ${d.id}, justerat, enligt arkivet.`,
    appended: (d: { bytes: number }) =>
      `Efter det som justerades har ${d.bytes} byte lagts till (en elektronisk underskrift läggs till så); det justerade innehållet är oförändrat.`,
    noMatch: (d: { file: string }) => `${d.file} stämmer inte med något justerat protokoll i arkivet.`,
    notPdf: (d: { file: string }) => `${d.file} är ingen PDF, förväntade en PDF som kd render --format pdf skrivit.`,
    unknown: (d: { file: string; id: string }) => `${d.file} säger att den är ${d.id}, men det protokollet finns inte i arkivet.`,
    notApproved: (d: { file: string; id: string }) => `${d.file} säger att den är ${d.id}, men protokollet är inte justerat i arkivet.`,
    differs: (d: { file: string; id: string }) =>
      `${d.file} säger att den är ${d.id}, men stämmer inte med arkivets justerade protokoll: den har ändrats, eller skrevs före en rättelse eller av en annan version av kd.`,
  },
  site: {
    archive: 'Protokollarkiv',
    asOf: (d: { date: string }) => `Läget den ${d.date}.`,
    home: 'Start',
    skip: 'Hoppa till innehållet',
    navigation: 'Webbplatsen',
    networks: 'Nätverk',
    network: 'Nätverk',
    lastMeeting: (d: { date: string }) => `senaste mötet ${d.date}`,
    upcoming: 'Kommande möten',
    noUpcoming: 'Inga möten är planerade.',
    latestDecisions: 'Senaste besluten',
    noDecisions: 'Inga beslut ännu.',
    allDecisions: 'Alla beslut',
    overdue: 'Försenade uppdrag',
    noOverdue: 'Inga uppdrag är försenade.',
    allAssignments: 'Alla uppdrag',
    municipalities: 'Kommuner',
    reports: 'Halvårssammanställningar',
    members: 'Medlemmar i dag',
    noMembers: 'Nätverket har inga medlemmar i dag.',
    municipalityOrOrganisation: 'Kommun eller organisation',
    protocols: 'Protokoll',
    noProtocols: 'Inga protokoll ännu.',
    networkDecisions: (d: { network: string }) => `Beslut i ${d.network}`,
    noNetworks: 'Inte medlem i något nätverk.',
    span: (d: { from: string; to?: string }) => (d.to !== undefined ? `${d.from}–${d.to}` : `från ${d.from}`),
    attendance: 'Närvaro',
    noAttendance: 'Inga möten som medlem.',
    assignments: 'Uppdrag',
    representatives: 'Representanter och närvaro',
    noRepresentatives: 'Kommunen har inga representanter som har haft möten.',
    takeHome: 'Beslut att ta hem',
    digests: 'Sammanfattningar för kommunen',
    networksDecisions: 'Varje nätverks beslut:',
    decisionsTitle: 'Beslut',
    assignmentsTitle: { index: 'Pågående uppdrag', overdue: 'Försenade uppdrag', done: 'Avslutade uppdrag' },
    search: 'Sök',
    publicSite: 'Offentlig version: uppgifter som omfattas av sekretess är utelämnade.',
    internalSite: 'Intern version – innehåller uppgifter som inte publiceras.',
    builtBy: (d: { version: string; date: string; organisation: string }) =>
      `${d.organisation}. Byggd med kd ${d.version}, läget den ${d.date}.`,
    done: (d: { dir: string; pages: number; written: number; removed: number; public: boolean }) =>
      `${d.public ? 'Offentlig' : 'Intern'} webbplats i ${d.dir}: ${d.pages} sidor, ${d.written} filer skrivna${d.removed > 0 ? `, ${d.removed} borttagna` : ''}, övriga oförändrade.`,
    searchLabels: {
      field: 'Sök i protokollen',
      submit: 'Sök',
      noScript: 'Sökningen behöver JavaScript. Besluten och uppdragen finns också som listor under Beslut och Pågående uppdrag.',
      loading: 'Söker …',
      results: { one: '1 träff', other: '{n} träffar' },
      resultsFolded: { one: '1 träff när å, ä och ö läses som a och o', other: '{n} träffar när å, ä och ö läses som a och o' },
      noResults: 'Inga träffar. Pröva ett kortare ord eller färre ord.',
      more: { one: '1 träff till visas inte; gör sökningen mer precis.', other: '{n} träffar till visas inte; gör sökningen mer precis.' },
      failed: 'Sökningen kunde inte läsas in: en fil i search/ saknas. Kopiera hela webbplatsens mapp.',
      kinds: { item: 'punkt', decision: 'beslut', agreement: 'överenskommelse' },
    },
  },
  import: {
    converted: 'Filen var inte UTF-8 utan Windows-1252 och konverterades; spara originalet som UTF-8 framöver.',
    unreadable: 'Filen kunde inte läsas.',
    unknownOrganisation: 'okänd organisation',
    notUnderstoodHeading: 'Ej tolkade rader',
    importedFrom: (file: string) => `Importerat från ${file}`,
    needs: (options: string) =>
      `Inget skrevs: ${options} kunde inte läsas ur filen; ange ${options.includes(',') ? 'dem' : 'den'} som flagga.`,
    wrote: (d: { source: string; file: string }) => `${d.source} → ${d.file}`,
    wouldWrite: (d: { source: string; file: string }) => `${d.source} → ${d.file} (provkörning, inget skrevs)`,
    notWritten: (d: { source: string }) => `${d.source}: inget skrevs`,
    counts: (s: {
      present: number;
      partial: number;
      remote: number;
      regrets: number;
      absent: number;
      guests: number;
      items: number;
      decisions: number;
      assignments: number;
    }) =>
      `${s.present} närvarande, ${s.partial} delvis, ${s.remote} på distans, ${s.regrets} förhinder, ${s.absent} frånvarande, ${s.guests} gäster, ${s.items} punkter, ${s.decisions} beslut, varav ${s.assignments} uppdrag`,
    added: (n: number) => `${n} ${n === 1 ? 'ny person lades' : 'nya personer lades'} till i people.yml:`,
    unknown: (n: number) =>
      `${n} namn finns inte i people.yml och lämnades utanför närvaron (kör med --add-people för att lägga till dem):`,
    ownersAdded: (labels: string) => `Nya ansvariga för uppdrag lades till under owners i kd.yml: ${labels}`,
    ownersUnknown: (labels: string) =>
      `Ansvariga för uppdrag som varken är personer eller finns under owners i kd.yml (kd check rapporterar dem; lägg till dem i people.yml eller under owners i kd.yml, eller kör med --add-people): ${labels}`,
    notOnRoster: (ids: string) => `Inte med i nätverkets medlemslista på mötesdagen (kd check varnar): ${ids}`,
    unmentioned: (ids: string) => `Medlemmar som protokollet inte nämner (lägg dem under regrets eller absent): ${ids}`,
    missing: { chair: 'Ingen ordförande hittades: fyll i chair.', secretary: 'Ingen sekreterare hittades: fyll i secretary.' },
    notUnderstood: (n: number) =>
      `${n} ${n === 1 ? 'rad tolkades inte; den står' : 'rader tolkades inte; de står'} kvar i protokollets text:`,
    roster: (d: { members: number; acting: number; people: number; file: string; dryRun: boolean }) =>
      `${d.dryRun ? 'Provkörning, inget skrevs: ' : ''}${d.members} ${d.members === 1 ? 'medlem' : 'medlemmar'} ${d.dryRun ? 'skulle läggas' : 'lades'} till i ${d.file}${d.acting > 0 ? ` (varav ${d.acting} tf)` : ''}; ${d.people} ${d.people === 1 ? 'ny person' : 'nya personer'} i people.yml.`,
    rosterEnded: (d: { n: number; to: string; dryRun: boolean }) =>
      `${d.dryRun ? 'Skulle avsluta' : 'Avslutade'} ${d.n} medlemskap med to: ${d.to}, dagen före förteckningens datum:`,
    rosterEndedLine: (d: { name: string; seat: string; by: string }) =>
      `${d.name} (${d.seat}), ${d.by ? `ersatt av ${d.by}` : 'inte med i förteckningen'}`,
    rosterKept: 'Behölls (en roll i nätverket är ingen kommuns plats; avsluta medlemskapet för hand om personen lämnar):',
    rosterKeptLine: (d: { name: string; seat: string; role: string; by: string }) =>
      `${d.name} (${d.seat}, ${d.role}); förteckningen har ${d.by}`,
    rosterSameDay: (d: { name: string; seat: string; from: string }) =>
      `${d.name} (${d.seat}) blev medlem ${d.from}, samma dag som förteckningen gäller från, och kan inte sluta dagen före; rätta medlemslistan för hand.`,
    rosterUnlisted: (n: number) =>
      `${n} ${n === 1 ? 'medlem står' : 'medlemmar står'} inte i förteckningen, och ingen i den tar ${n === 1 ? 'platsen' : 'platserna'}; ${n === 1 ? 'medlemskapet fortsätter' : 'medlemskapen fortsätter'}:`,
    rosterComplete: (d: { from: string; to: string }) =>
      `Är förteckningen hela medlemslistan per ${d.from}? Kör då igen med --complete, så slutar de medlemskapen också, med to: ${d.to}.`,
    unknownMunicipalities: (list: string) => `Finns inte bland kommunerna i kd.yml och sparades som organisation: ${list}`,
    skippedBefore: (n: number) => `${n} ${n === 1 ? 'rad' : 'rader'} före rubriken med medlemmarna lästes inte.`,
    tooLarge: 'Filen är större än 20 MB och är inte ett protokoll; inget lästes.',
    docxTooLarge: (d: { max: string; xml: string }) =>
      `Word-filen packas upp till mer än ${d.max}, eller mer än ${d.xml} XML, och är inte ett protokoll; inget lästes.`,
    textTooLong: (max: number) => `Texten i filen är längre än ${max} tecken, mer än ett protokoll får vara; inget lästes.`,
    pdfNoText: 'PDF-filen har inget textlager (den är skannad); den måste OCR-behandlas innan den kan importeras.',
    pdfUnreadable: 'PDF-filen kunde inte läsas (skadad eller lösenordsskyddad).',
    progress: (d: { n: number; total: number; file: string }) => `[${d.n}/${d.total}] ${d.file}`,
    already: (d: { source: string; file: string }) => `${d.source}: redan importerad som ${d.file}; inget gjordes.`,
    skipped: (list: string) => `Lästes inte (inte .txt, .md, .docx eller .pdf): ${list}`,
    review: (n: number) =>
      `${n} ${n === 1 ? 'uppgift lästes som en person' : 'uppgifter lästes som personer'} men bör granskas (ett namn direkt efter ett namn kan vara en organisation):`,
    noise: (n: number) => `${n} ${n === 1 ? 'rad' : 'rader'} togs bort som sidnummer, sidhuvuden och underskriftsrader:`,
    todoHeading: 'Kvar för sekretariatet:',
    todo: {
      date: 'mötesdatum saknas',
      time: 'fyll i tiden (time: TODO)',
      place: 'fyll i platsen (place: TODO)',
      chair: 'fyll i ordförande (chair)',
      secretary: 'fyll i sekreterare (secretary)',
      unmentioned: 'för in medlemmarna som protokollet inte nämner under regrets eller absent (eller importera med --absent-unmentioned)',
      review: 'granska uppgifterna ovan',
      notUnderstood: 'gå igenom raderna som inte tolkades; de står kvar i texten',
      none: 'granska utkastet och justera det',
    },
    table: {
      file: 'Fil',
      date: 'Datum',
      present: 'Närv.',
      absent: 'Frånv.',
      guests: 'Gäster',
      items: 'Punkter',
      decisions: 'Beslut',
      review: 'Granska',
      status: 'Resultat',
      written: 'skrevs',
      dryRun: 'provkörning',
      notWritten: 'skrevs inte',
      already: 'redan importerad',
    },
  },

  docs: {
    introTitle: (d: { network: string }) => `Välkommen till ${d.network}`,
    introFor: (d: { name: string }) => `Introduktion för ${d.name}.`,
    asOf: (d: { date: string }) => `Läget per ${d.date}.`,
    mission: 'Uppdrag',
    rules: 'Spelregler',
    decidesYes: 'Nätverket fattar beslut; besluten står i protokollet under varje punkt.',
    decidesNo: 'Nätverket fattar inga beslut utan gör överenskommelser, som sedan beslutas i respektive kommun.',
    substitutes: {
      none: 'Medlemmarna har inga ersättare; en tillförordnad chef räknas som medlem.',
      personal: 'Varje medlem kan ha en personlig ersättare som deltar vid förhinder.',
      any: 'Vid förhinder får kommunen skicka en annan företrädare.',
    } satisfies Record<SubstituteRule, string>,
    perTerm: (n: number) => `Nätverket träffas ${n} gånger per mandatperiod.`,
    roster: 'Medlemmar',
    roles: {
      chair: 'ordförande',
      'vice-chair': 'vice ordförande',
      secretary: 'sekreterare',
      member: 'medlem',
    } satisfies Record<Role, string>,
    acting: 'tf',
    upcoming: 'Kommande möten',
    noUpcoming: 'Inga möten är planerade de kommande tolv månaderna.',
    noComing: 'Inga kommande möten står i kalendern.',
    recent: 'Beslut vid de senaste fyra mötena',
    open: 'Öppna uppdrag',
    contact: 'Kontakt',
    you: 'För dig',
    yourNetworks: 'Du sitter i',
    yourSubstitute: (d: { name: string }) => `Din personliga ersättare är ${d.name}.`,
    yourPrincipal: (d: { name: string; network: string }) => `Du är personlig ersättare för ${d.name} i ${d.network}.`,
    yourAssignments: 'Dina uppdrag',
    digestTitle: (d: { municipality: string; period: string }) => `${d.municipality}: att ta med hem från nätverken, ${d.period}`,
    representatives: 'Kommunens företrädare i nätverken',
    content: 'Vad nätverken behandlade',
    representedIntro: 'Kommunens företrädare i nätverken och deras närvaro under perioden.',
    notRepresented: 'Kommunen hade ingen företrädare i något nätverk under perioden.',
    toAct: 'Beslut att förankra och verkställa',
    toActIntro: 'Beslut som riktar sig till alla kommuner eller nämner kommunen står först, markerade i kolumnen Att ta hem.',
    ourAssignments: 'Uppdrag till kommunens företrädare',
    comingMeetings: 'Kommande möten',
    columns: {
      time: 'Tid',
      place: 'Plats',
      theme: 'Tema',
      agenda: 'Dagordning',
      network: 'Nätverk',
      protocol: 'Protokoll',
      email: 'E-post',
      phone: 'Telefon',
      title: 'Titel',
      organisation: 'Organisation',
      municipalityOrOrganisation: 'Kommun eller organisation',
      role: 'Roll',
      from: 'Sedan',
      substitute: 'Ersättare',
    },
    calendarTitle: 'Mötesplan',
    cancelled: 'inställt',
    ics: { theme: 'Tema', agenda: 'Dagordning', protocol: 'Protokoll', inArchive: 'i arkivet' },
  },

  /** The protocol as members receive it (kd render). */
  protocol: {
    title: (d: { network: string; kind: ProtocolKind; id: string }) =>
      `${d.network} – ${d.kind === 'protokoll' ? 'Protokoll' : 'Minnesanteckningar'} ${d.id}`,
    /** The PDF's subject (dc:description). */
    subject: (d: { date: string; place: string }) => `Mötet ${d.date}, ${d.place}`,
    date: 'Datum',
    time: 'Tid',
    place: 'Plats',
    theme: 'Tema',
    /** A clock time as Swedish writes it: 09.00. */
    clock: (t: string) => t.replace(':', '.'),
    span: (d: { from: string; to: string }) => `kl. ${d.from}–${d.to}`,
    /** "A, B och C". */
    list: (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`),
    draft: 'Ej justerat – utkast',
    internal: 'Internt – innehåller uppgifter som inte publiceras',
    publicVersion: 'Offentlig version: uppgifter som omfattas av sekretess är utelämnade.',
    participants: 'Deltagare',
    present: 'Närvarande',
    regrets: 'Anmält förhinder',
    absent: 'Ej närvarande',
    guests: 'Gäster',
    nobody: '–',
    roles: { chair: 'ordförande', secretary: 'sekreterare' },
    from: (t: string) => `från kl. ${t}`,
    until: (t: string) => `till kl. ${t}`,
    items: (d: { list: string; many: boolean }) => (d.many ? `punkterna ${d.list}` : `punkt ${d.list}`),
    remote: 'deltog digitalt',
    substituteFor: (name: string) => `ersättare för ${name}`,
    unnamed: 'namnet publiceras inte',
    decisions: 'Beslut',
    agreements: 'Överenskommelser',
    assignment: (d: { id: string; owner: string; due?: string }) =>
      `Uppdrag ${d.id}: ${d.owner}${d.due !== undefined ? `, senast ${d.due}` : ''}.`,
    followsUp: (ids: string) => `Följer upp ${ids}.`,
    secret: (reason: string) => `Sekretess: ${reason}`,
    corrections: 'Rättelser',
    correction: (d: { date: string; by: string; what: string }) => `${d.date}, ${d.by}: ${d.what}`,
    approval: 'Justering',
    keeper: 'Vid protokollet',
    approvers: 'Justeras',
    approved: (d: { date: string; by: string; method: string }) => `Justerat ${d.date} av ${d.by} (${d.method}).`,
    approvedNoRecord: 'Justerat.',
    ref: (ref: string) => `Diarienummer: ${ref}`,
    methods: { paper: 'underskrift på papper', 'e-signature': 'elektronisk underskrift' } satisfies Record<ApprovalMethod, string>,
  },

  roster: {
    title: (d: { network: string }) => `Medlemslista: ${d.network}`,
    onDate: (d: { date: string; term: string }) => `Per ${d.date}${d.term ? `, mandatperiod ${d.term}` : ''}.`,
    overTerm: (d: { term: string; from: string; to: string }) => `Mandatperiod ${d.term}, ${d.from} – ${d.to}.`,
    meetings: (d: { held: number; planned: string; calendar: number }) =>
      `Möten: ${d.held}${d.planned ? ` av ${d.planned} planerade` : ''} har hållits; ${d.calendar} i kalendern.`,
    columns: {
      name: 'Namn',
      municipality: 'Kommun',
      role: 'Roll',
      acting: 'tf',
      substitute: 'Ersättare',
      joined: 'Sedan',
      terms: 'Perioder',
      attended: 'Närvaro',
      rate: 'Andel',
      substituteAttended: 'Ersättaren kom',
    },
    rotateTitle: (d: { network: string; next: string; from: string; to: string }) =>
      `Förslag till mandatperiod ${d.next} (${d.from} – ${d.to}) för ${d.network}`,
    rotateSummary: (d: { replace: number; seats: number; current: string }) =>
      `${d.replace} av ${d.seats} platser byts efter period ${d.current}: de som suttit längst byts först, vid lika lång tid den med lägst närvaro, därefter i namnordning.`,
    leaving: 'Lämnar',
    staying: 'Sitter kvar',
    incoming: 'Föreslås in (har väntat längst)',
    noCandidates: 'Nätverket har inga kandidater (candidates) i network.yml; välj nya medlemmar själv.',
    never: 'aldrig haft plats',
    lastSeat: (d: { date: string }) => `senast ${d.date}`,
    tenure: (d: { days: number }) => `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(d.days / 365.25)} år`,
    written: (d: { file: string; term: string }) => `Skrev mandatperiod ${d.term} till ${d.file}.`,
    chooseFor: (d: { municipality: string }) => `Välj en person från ${d.municipality} och lägg till personen i medlemslistan (roster).`,
    turn: (d: { year: number; regular: string; reserve: string }) => `${d.year}: ordinarie ${d.regular}, reserv ${d.reserve}.`,
    noRotation: 'Nätverket har ingen turordning (rotation) i network.yml.',
    noTerms: 'Nätverket har inga mandatperioder (terms) i network.yml.',
  },

  cli: {
    description: 'kd håller protokollen från kommundirektörsnätverk i ett versionshanterat arkiv och kontrollerar dem.',
    usageWords: { options: '[flaggor]', command: '[kommando]' },
    titles: {
      'Usage:': 'Användning:',
      'Options:': 'Flaggor:',
      'Arguments:': 'Argument:',
      'Commands:': 'Kommandon:',
      'Global Options:': 'Globala flaggor:',
    } as Record<string, string>,
    options: {
      archive: 'arkivets mapp (annars söks kd.yml uppåt från aktuell mapp, eller KD_ARCHIVE)',
      lang: 'språk för utskrifter: sv eller en',
      color: 'stäng av färger (även NO_COLOR)',
      help: 'visa hjälp',
      version: 'visa versionen',
      format: 'utdataformat',
      strict: 'varningar ger också slutkod 1',
      changed: 'rapportera bara filer som ändrats mot --base, och det de påverkar',
      base: 'revisionen att jämföra med (annars merge-base med huvudgrenen, eller HEAD)',
      at: 'läs arkivet som det var vid en commit (gren, tagg eller id), utan att röra arbetskopian',
      network: 'nätverkets id eller namn (annars det enda, eller default_network i kd.yml)',
      date: 'mötesdatum ÅÅÅÅ-MM-DD (annars nästa möte i calendar.yml)',
      time: 'mötestid TT:MM-TT:MM',
      place: 'plats',
      agenda: 'fil med en punkt per rad (annars kalenderns dagordning)',
      dryRun: 'skriv ut protokollet i stället för att spara det',
      edit: 'öppna filen i $VISUAL eller $EDITOR',
      person: 'bara denna person (id eller namn)',
      municipality: 'bara denna kommun, med eller utan ”kommun”/”stad”',
      half: 'halvår, t.ex. 2019H1 (1 jan–30 jun) eller 2019H2',
      from: 'från och med datum ÅÅÅÅ-MM-DD',
      to: 'till och med datum ÅÅÅÅ-MM-DD',
      grep: 'bara beslut vars text innehåller TEXT',
      owner: 'bara denna ansvariga: en person (id eller namn) eller en etikett ur owners i kd.yml',
      open: 'bara öppna uppdrag (även försenade)',
      overdue: 'bara försenade uppdrag',
      done: 'bara klara uppdrag',
      asOf: 'status per datum ÅÅÅÅ-MM-DD (annars i dag)',
      initDir: 'mappen för det nya arkivet (annars aktuell mapp)',
      organisation: 'organisationens namn',
      networkId: 'nätverkets id (a–z, 0–9 och bindestreck)',
      networkName: 'nätverkets namn',
      decides: 'nätverket fattar beslut',
      noDecides: 'nätverket gör bara överenskommelser',
      substitutesOption: 'ersättare: none, personal eller any',
      secretary: 'sekreterarens namn',
      secretaryFrom: 'sekreterare sedan ÅÅÅÅ-MM-DD (det äldsta protokollets datum om arkivet fylls på bakåt)',
      municipalityList: 'en medlemskommun (ange flaggan en gång per kommun)',
      importFiles: 'filer eller mappar att importera (.txt, .md, .docx, .pdf)',
      absentUnmentioned: 'medlemmar som protokollet inte nämner förs in som frånvarande',
      addPeople: 'lägg till okända namn i people.yml',
      roster: 'läs en medlemsförteckning ("Namn, [tf,] Kommun") till nätverkets medlemslista',
      rosterComplete:
        'med --roster: förteckningen är hela medlemslistan per --date, så även medlemmar som inte står i den slutar (annars bara de som någon i förteckningen ersätter)',
      importDate: 'mötesdatum när filen saknar det (med --roster: från vilket datum medlemmarna gäller)',
      importFormat: 'sammanfattningens format: text eller json',
      introPerson: 'anpassa för en person (id eller namn): egna uppdrag, ersättare och nätverk',
      introAsOf: 'läget per datum ÅÅÅÅ-MM-DD (annars i dag)',
      docFormat: 'md (standard) eller html',
      calendarFormat: 'ics (standard), md eller json',
      baseUrl: 'webbadressen där arkivets sidor ligger (annars site_url i kd.yml): mötena länkar till protokollens sidor där',
      digestMunicipality: 'kommunen, med eller utan ”kommun”/”stad”',
      on: 'per datum ÅÅÅÅ-MM-DD',
      term: 'mandatperiodens id',
      nextTerm: 'id för nästa mandatperiod',
      share: 'andel platser som byts (standard 1/3)',
      write: 'skriv den nya perioden till network.yml',
      year: 'året',
      reportHalf: 'halvåret: 2019H1 (1 jan–30 jun) eller 2019H2 (1 jul–31 dec)',
      reportAsOf:
        'läget den dag sammanställningen läggs fram, ÅÅÅÅ-MM-DD inom halvåret (annars i dag om den ligger i halvåret, annars halvårets sista dag); senare planerade möten blir kommande',
      reportFormat: 'md (standard), html eller json',
      out: 'skriv till FIL i stället för standard ut',
      force: 'skriv över FIL om den finns',
      reportNetwork: 'bara detta nätverk (id eller namn)',
      indexCheck: 'skriv inget; slutkod 1 och namnen på registren som inte stämmer med protokollen',
      indexAsOf: 'uppdragsregistrets status per datum (annars datumet för arkivets senaste protokoll)',
      approveBy: 'vilka som justerade, id eller namn, åtskilda med komma',
      approveDate: 'justeringsdagen ÅÅÅÅ-MM-DD (annars i dag)',
      approveMethod: 'paper (på papper, standard) eller e-signature',
      approveRef: 'diarienummer eller e-underskriftens referens',
      siteOut: 'mappen webbplatsen skrivs till (standard site); bara kd:s egna filer där skrivs om eller tas bort',
      sitePublic: 'den offentliga versionen, som också är standard: sekretessbelagt och gäster som inte ska publiceras utelämnas',
      siteInternal: 'intern version med allt, också sekretessbelagt och gäster som inte ska publiceras (standard är offentlig)',
      siteAsOf: 'läget den dagen ÅÅÅÅ-MM-DD: kommande möten och försenade uppdrag (annars i dag)',
      public:
        'offentlig version: sekretessbelagda punkter och beslut visas bara med nummer, rubrik och skäl, och gäster som inte ska publiceras utan namn',
    },
    commands: {
      check: 'kontrollera arkivets filer och protokoll',
      checkPaths: 'filer eller mappar att rapportera för (hela arkivet läses ändå)',
      schema: 'skriv ut JSON Schema för en sorts fil, för editorer',
      schemaKind: 'config, people, network, calendar eller protocol',
      rules: 'reglerna i kd check: allvarlighet och vad var och en kontrollerar',
      explain: 'vad en regel kontrollerar, med exempel på vad den godtar och vad den anmärker på',
      explainRule: 'regelns id, som kd check skriver det (t.ex. roster-unaccounted)',
      newProtocol: 'skapa nästa protokoll från medlemslistan, kalendern och de öppna uppdragen',
      roster: 'medlemslistan per datum eller mandatperiod, med tid i nätverket och närvaro',
      rotate: 'förslag till nästa mandatperiod: vilka platser som byts och vilka som väntat längst',
      turn: 'vems tur det är enligt turordningen',
      intro: 'introduktionspaket för den som går med i ett nätverk',
      digest: 'att ta med hem: en kommuns sammanfattning av nätverkens halvår',
      calendar: 'mötesplanen (årshjulet) som iCalendar, Markdown eller JSON',
      import: 'för in äldre protokoll (text, Markdown, Word) som utkast i arkivet',
      init: 'skapa ett nytt arkiv med CI-filer och en pre-commit-krok',
      report: 'halvårssammanställningen över alla nätverk (juni och december)',
      attendance: 'närvaro per person, möte och kommun',
      decisions: 'beslut och överenskommelser med stabila id',
      assignments: 'uppdrag: öppna, försenade och klara',
      index: 'skriv registren (närvaro, beslut, uppdrag) till index/ i arkivet',
      preCommit:
        'det arkivets pre-commit-krok kör: kontrollerar ändringarna på samma sätt som CI och lägger till aktuella register i commiten',
      approve: 'justera ett protokoll: status justerat och uppgift om justeringen i en skrivning',
      approveProtocol: 'protokollets fil eller id, t.ex. "kd-gruppen 7/2019"',
      help: 'visa hjälp för ett kommando',
      verify: 'säger om en PDF är ett justerat protokoll i arkivet, och vilket (jämför SHA-256)',
      verifyFile: 'PDF-filen som ska kontrolleras',
      render: 'protokollet som dokument, som medlemmarna får det (Markdown, HTML eller PDF/A)',
      renderProtocol: 'protokollets fil eller id, t.ex. ”kd-gruppen 3/2019”',
      site: 'hela arkivet som en statisk webbplats med sökning, offentlig om inget annat sägs',
    },
    errors: {
      'already-approved': (d: { id: string }) =>
        `Protokollet ${d.id} är redan justerat; ett justerat protokoll ändras bara genom rättelser.`,
      'approver-absent': (d: { id: string; protocol: string }) =>
        `${q(d.id)} deltog inte i mötet ${d.protocol}, förväntade en justerare bland dem som var närvarande.`,
      'approval-before-meeting': (d: { date: string; meeting: string }) =>
        `Oväntat justeringsdatum ${d.date}, förväntade mötesdagen ${d.meeting} eller senare.`,
      'protocol-unreadable': (d: { file: string }) => `${d.file} har ingen front matter mellan två ---rader, förväntade ett protokoll.`,
      'no-archive': (d: { cwd: string }) =>
        `Hittade inget arkiv: ingen kd.yml i ${d.cwd} eller någon mapp ovanför. Ange --archive MAPP eller KD_ARCHIVE.`,
      'archive-not-found': (d: { dir: string }) => `Arkivmappen ${d.dir} har ingen kd.yml.`,
      'path-outside': (d: { path: string }) => `Sökvägen ${d.path} ligger utanför arkivet.`,
      'path-missing': (d: { path: string }) => `Sökvägen ${d.path} finns inte.`,
      'unknown-option': (d: { option: string; suggestion: string }) =>
        `Okänd flagga ${d.option}${d.suggestion ? `; menade du ${d.suggestion}?` : '.'} Se kd --help.`,
      'unknown-command': (d: { command: string; suggestion: string }) =>
        `Okänt kommando ${d.command}${d.suggestion ? `; menade du ${d.suggestion}?` : '.'} Se kd --help.`,
      'missing-argument': (d: { name: string }) => `Argumentet ${d.name} saknas.`,
      'option-missing-argument': (d: { option: string }) => `Flaggan ${d.option} behöver ett värde.`,
      'excess-arguments': (d: { expected: number; found: number }) => `För många argument: förväntade ${d.expected}, fick ${d.found}.`,
      'invalid-choice': (d: { option: string; found: string; allowed: string }) =>
        `Oväntat värde ${q(d.found)} för ${d.option}, förväntade ${d.allowed}.`,
      io: (d: { code: string; file: string }) =>
        `Kunde inte läsa eller skriva${d.file ? ` ${d.file}` : ''} (${d.code}); inget ändrades i arkivet. Kontrollera utrymme och behörigheter och försök igen.`,
      internal: 'kd stötte på ett oväntat fel. Rapportera det gärna med utskriften nedan:',
      'network-required': (d: { networks: string }) => `Arkivet har flera nätverk; ange --network med ett av: ${d.networks}.`,
      'unknown-network-option': (d: { found: string; near: string[]; known: string[] }) =>
        `Okänt nätverk ${q(d.found)}, förväntade id eller namn på ett av arkivets nätverk${suggest(d)}`,
      'network-unreadable': (d: { file: string }) => `${d.file} har fel och kan inte användas. Kör kd check och rätta den först.`,
      'half-required': (d: { example: string }) =>
        `Ange vilket halvår med --half, till exempel: ${d.example} (H1 är januari–juni, H2 juli–december).`,
      'options-required': (d: { options: string; example: string }) => `Uppgifter saknas: ${d.options}. Till exempel: ${d.example}`,
      'missing-options': (d: { options: string }) =>
        `Uppgifter saknas: ${d.options}. Ange dem som flaggor, lägg mötet i calendar.yml, eller kör kd i en terminal för att bli tillfrågad.`,
      'invalid-option-value': (d: { option: string; found: string; expected: string }) =>
        `Oväntat ${q(d.found)} för ${d.option}, förväntade ${d.expected}.`,
      'date-before-existing': (d: { date: string; file: string }) =>
        `Mötet ${d.date} ligger före ${d.file} samma år; numren måste följa datum, så protokollet kan inte läggas in här.`,
      'no-secretary': (d: { network: string; date: string }) =>
        `Nätverket ${d.network} har ingen sekreterare (role: secretary) i medlemslistan den ${d.date}; lägg till en i network.yml.`,
      'agenda-unreadable': (d: { file: string }) => `Dagordningen ${d.file} kunde inte läsas som UTF-8-text.`,
      'file-exists': (d: { file: string }) =>
        `${d.file} finns redan och skrivs aldrig över. Välj ett annat datum, eller flytta filen själv om den ska ersättas.`,
      'no-editor': () => `Varken $VISUAL eller $EDITOR är satt; öppna filen själv.`,
      'no-input': () => `Inmatningen tog slut innan alla uppgifter var ifyllda.`,
      'needs-out': (d: { format: string }) =>
        `Oväntat --format ${d.format} utan --out, förväntade --out FIL: ${d.format === 'pdf' ? 'en PDF' : 'ett Word-dokument'} skrivs bara till en fil.`,
      'site-blocked': (d: { count: number }) =>
        `Webbplatsen byggs inte: ${d.count} fel i arkivet (ovan). Den som läser webbplatsen ska kunna lita på den; rätta felen och kör igen.`,
      'site-out-file': (d: { dir: string }) =>
        `${d.dir} är en fil, förväntade en mapp att skriva webbplatsen till; välj en annan med --out.`,
      'site-not-kd': (d: { dir: string }) =>
        `Mappen ${d.dir} finns och har filer men ingen .kd-site.json, förväntade en tom mapp eller en som kd site skrivit; kd skriver inte över andras filer. Välj en annan mapp med --out.`,
      'archive-changed': (d: { file: string }) =>
        `${d.file} ändrades medan kd läste arkivet: det kd läste först stämmer inte längre med filen. Kör kommandot igen när ingen skriver i arkivet.`,
      'site-changed': () =>
        'Arkivet ändrades medan webbplatsen byggdes: trådarna som byggde den läste olika arkiv. Kör kd site igen när ingen skriver i arkivet.',
      'out-exists': (d: { file: string }) => `${d.file} finns redan; ange --force för att skriva över den.`,
      'report-blocked': (d: { count: number }) =>
        `Rapporten byggs inte: ${d.count} fel i arkivet (ovan) rör perioden. En sammanställning får inte bygga på trasiga protokoll; rätta dem och kör igen.`,
      'unknown-revision': (d: { rev: string }) =>
        `Okänd revision ${q(d.rev)}, förväntade en commit, gren eller tagg i arkivets git-förråd.`,
      'not-in-git': () => `Arkivet ligger inte i ett git-förråd, så --at och --changed kan inte användas.`,
      'init-exists': (d: { files: string }) => `Skriver inte över något: ${d.files} finns redan. Välj en annan mapp.`,
      'history-unavailable': () =>
        `Historikregeln (frozen-protocol) kunde inte köras: arkivet ligger inte i ett git-förråd som git kan läsa (saknas git, eller vägrar git läsa förrådet, t.ex. ”dubious ownership”). Den begärdes (--base, --changed eller CI), så kontrollen avbryts i stället för att bli grön utan den.`,
      'people-invalid': (d: { file: string }) =>
        `${d.file} har fel (kör kd check) och skrivs inte till, eftersom personer kunde gå förlorade; rätta filen och kör igen.`,
      blocked: (d: { count: number }) =>
        `Inget svar: ${d.count} fel i arkivet (ovan) rör det som efterfrågades, och ett trasigt protokoll skulle räknas som om mötet aldrig hölls. Rätta felen och kör igen.`,
      'template-invalid': (d: { file: string; found: string }) =>
        `Mallen ${d.file} kan inte användas: oväntat ${d.found}, förväntade en enkel Mustache-mall (högst 64 kB, inga partials eller byten av avgränsare, inget avsnitt inuti ett avsnitt med samma namn).`,
      'scaffold-invalid': (d: { file: string; line: number; column: number; message: string }) =>
        `Det nya protokollet skulle inte klara kd check (${d.file}:${d.line}:${d.column}: ${d.message}); inget skrevs. Rätta mallen i templates/.`,
      'init-missing': (d: { options: string }) =>
        `Uppgifter saknas för det nya arkivet: ${d.options}. Ange dem som flaggor, eller kör kd init i en terminal för att bli tillfrågad.`,
      'unknown-municipality-option': (d: { found: string; near: string[]; known: string[] }) =>
        `Okänd kommun ${q(d.found)}, förväntade en av kommunerna i kd.yml${suggest(d)}`,
      'unknown-person-option': (d: { found: string; near: string[] }) =>
        `Okänd person ${q(d.found)}, förväntade id eller namn ur people.yml${suggest(d)}`,
      'unknown-owner-option': (d: { found: string; near: string[]; labels: string[] }) =>
        `Okänd ansvarig ${q(d.found)}, förväntade en person ur people.yml${d.labels.length > 0 ? ` eller ${or(d.labels)} (owners i kd.yml)` : ''}${suggest(d)}`,
      'ambiguous-option': (d: { option: string; found: string; candidates: string[]; byId: boolean }) =>
        `${q(d.found)} för ${d.option} kan vara ${or(d.candidates)}; ${d.byId ? 'ange id:t' : 'skriv namnet som i arkivet'}.`,
      'unknown-term': (d: { id: string; known: string }) => `Okänd mandatperiod ${q(d.id)}, förväntade en av: ${d.known}.`,
      'term-exists': (d: { id: string }) => `Mandatperioden ${q(d.id)} finns redan i network.yml och skrivs aldrig över.`,
      'no-terms': (d: { network: string }) => `Nätverket ${d.network} har inga mandatperioder (terms) att utgå från.`,
      'conflicting-options': (d: { options: string }) => `Flaggorna ${d.options} kan inte användas tillsammans.`,
      'stale-index': (d: { count: number }) =>
        `${d.count} register stämmer inte med protokollen. Kör kd index och checka in resultatet; med pre-commit-kroken på (git config core.hooksPath .githooks) sker det av sig självt.`,
      'hook-not-in-git': () =>
        `Arkivet ligger inte i ett git-förråd; kd pre-commit körs av git före varje commit (git config core.hooksPath .githooks).`,
      'staged-unreadable': () =>
        `git kunde inte läsa eller uppdatera det som ska checkas in (git write-tree, git add). Lös eventuella konflikter och försök igen.`,
      'archive-locked': (d: { file: string; pid: string | number; host: string; started: string }) =>
        `Arkivet skrivs av en annan körning av kd (process ${d.pid} på ${d.host}, startad ${d.started}); försök igen när den är klar, eller ta bort ${d.file} om den processen inte längre finns.`,
      'unknown-rule': (d: { id: string; known: string }) =>
        `Okänd regel ${q(d.id)}${d.known ? `; menade du ${d.known}?` : '.'} Se kd rules.`,
      'as-of-outside': (d: { date: string; from: string; to: string }) =>
        `--as-of ${d.date} ligger utanför halvåret, förväntade ett datum från ${d.from} till ${d.to}.`,
      'unknown-protocol': (d: { found: string; near: string[] }) =>
        `Okänt protokoll ${q(d.found)}, förväntade en protokollfil eller ett id som ”kd-gruppen 3/2019”${suggest(d)}`,
      interrupted: (d: { signal: string }) => `Avbruten (${d.signal}); det som hunnit skrivas togs bort igen, så inget ändrades i arkivet.`,
    },
  },
  /** What each rule of kd check checks, for kd rules, kd explain and the README. */
  rules: {
    file: {
      title: 'Filerna går att läsa',
      description:
        'Varje fil i arkivet går att läsa: den ligger inne i arkivet (ingen symbolisk länk ut), är en vanlig fil under storleksgränsen 1 MiB, och mappar och filnamn följer arkivets mönster.',
    },
    encoding: {
      title: 'Teckenkodning',
      description: 'Filen är UTF-8-text (BOM och CRLF går bra) utan styrtecken, som annars tyder på en binär eller skadad fil.',
    },
    'front-matter': {
      title: 'Front matter',
      description:
        'Protokollet börjar med exakt `---` på första raden och front matter avslutas med en egen `---`-rad; `---js` och liknande körbara varianter vägras.',
    },
    'yaml-syntax': {
      title: 'YAML-syntax',
      description:
        'Front matter och YAML-filerna är giltig YAML 1.2 utan dubblerade nycklar. Vanliga skrivfel pekas ut där de står, med vad som ska göras: kolon i en text, text efter ett citat, citattecken eller hakparentes som inte stängs, kolon utan mellanslag, nyckel utan kolon, fel indragning, streck som saknas, tabb eller hårt mellanslag i indragningen, citattecken från Word, `#` först i ett värde.',
    },
    'yaml-slip': {
      title: 'Tvetydig YAML',
      description:
        'Text som YAML läser annorlunda än den ser ut, men som kan vara avsiktlig: ett `#` direkt följt av ett ord efter en text, som gör resten av raden till en kommentar; typografiska citattecken från Word runt en text, som blir kvar i texten; en rad utan streck som läses som fortsättning på punkten ovanför.',
    },
    'yaml-alias': {
      title: 'YAML-alias',
      description: 'YAML-filerna använder inga ankare och alias (`&` och `*`), som kan blåsa upp en liten fil till en enorm.',
    },
    schema: {
      title: 'Schema',
      description:
        'Varje fil följer schemat för sin sort: rätt nycklar, obligatoriska uppgifter ifyllda och värden av rätt slag (datum, tider, id).',
    },
    body: {
      title: 'Protokolltexten',
      description: 'Protokollets text efter front matter går att läsa inom kd:s gränser för djup och längd.',
    },
    todo: { title: 'Kvarstående TODO', description: 'Inget `TODO` står kvar där `kd import` inte hittade tid eller plats i källan.' },
    'frozen-protocol': {
      title: 'Justerade protokoll',
      description: 'Ett protokoll som var justerat i basrevisionen är oförändrat, utom nya rättelser sist under `corrections:`.',
    },
    'unknown-person': {
      title: 'Okänd person',
      description: 'Varje person som nämns (ordförande, sekreterare, närvaro, ersättare, medlemslistor, rättelser) finns i people.yml.',
    },
    'approval-record': {
      title: 'Justering utan uppgift',
      description:
        'Ett protokoll som justeras i ändringen har en uppgift om justeringen (approval: vem, när, hur). Protokoll som justerades innan kd förde uppgiften, eller som läggs till redan justerade, lämnas som de är.',
    },
    approval: {
      title: 'Justering',
      description:
        'Justeringen (approval) är en uppgift som håller: de som justerade och de som utsetts att justera (approvers) deltog i mötet, justeringen är daterad mötesdagen eller senare, och bara ett justerat protokoll har en.',
    },
    confidential: {
      title: 'Rättelse av sekretessbelagd punkt',
      description:
        'En rättelse som nämner en sekretessbelagd punkt (punkt 3, § 3) är själv markerad `confidential`, så att den offentliga versionen inte skriver ut den.',
    },
    'unknown-owner': {
      title: 'Okänd ansvarig',
      description:
        'Ett uppdrags ansvarig (owner) är en person i people.yml eller en etikett som kd.yml räknar upp under owners, till exempel sekretariatet.',
    },
    'network-mismatch': {
      title: 'Fel nätverksmapp',
      description: 'Protokollet ligger i mappen för det nätverk det anger under `network:`.',
    },
    'unknown-network': { title: 'Okänt standardnätverk', description: '`default_network` i kd.yml är ett nätverk som finns i arkivet.' },
    'unknown-municipality': {
      title: 'Okänd kommun',
      description: 'Varje persons kommun i people.yml står med i kd.yml:s lista över kommuner.',
    },
    'officer-absent': {
      title: 'Ordförande eller sekreterare frånvarande',
      description: 'Ordföranden och sekreteraren finns bland dem som var med på mötet.',
    },
    'chair-missing': { title: 'Ordförande saknas', description: 'Ett protokoll (inte minnesanteckningar) anger vem som var ordförande.' },
    'attendance-duplicate': {
      title: 'Dubbel närvaro',
      description:
        'Ingen står mer än en gång i närvaron (närvarande, delvis närvarande, på distans, ersättare, anmält förhinder, frånvarande).',
    },
    'roster-unaccounted': {
      title: 'Medlem saknas i närvaron',
      description: 'Varje medlem i nätverket på mötesdagen finns med i närvaron, som närvarande, ersatt, med förhinder eller frånvarande.',
    },
    'not-on-roster': {
      title: 'Förhinder från icke-medlem',
      description:
        'Den som anmält förhinder eller var frånvarande är medlem på mötesdagen (varning: det kan vara rätt, men är värt en blick).',
    },
    substitute: {
      title: 'Ersättare',
      description: 'Ersättarna följer nätverkets regel (inga, personliga eller valfria ersättare), och den som ersätts är medlem.',
    },
    'number-duplicate': { title: 'Dubblerat protokollnummer', description: 'Inom ett nätverks år har varje protokoll sitt eget nummer.' },
    'number-gap': { title: 'Lucka i numreringen', description: 'Inom ett nätverks år numreras protokollen 1, 2, 3 … utan luckor.' },
    'number-order': { title: 'Numrering i fel ordning', description: 'Protokollnumren följer mötenas datum inom ett nätverks år.' },
    'file-name': {
      title: 'Filnamn',
      description: 'Filnamn och mapp stämmer med nätverk, datum och nummer: `networks/<nätverk>/protocols/<år>/<datum>-<nummer>.md`.',
    },
    'item-numbering': { title: 'Punkternas numrering', description: 'Punkterna under `items:` numreras 1, 2, 3 … i ordning.' },
    'section-extra': {
      title: 'Avsnitt utan punkt',
      description: 'Varje `## N.`-avsnitt i texten hör till en punkt under `items:`, och ingen punkt har två avsnitt.',
    },
    'section-missing': {
      title: 'Punkt utan avsnitt',
      description: 'Varje punkt under `items:` har sitt `## N.`-avsnitt i texten (en rubrik i ett kodblock räknas inte).',
    },
    'section-title': {
      title: 'Avsnittets rubrik',
      description: 'Avsnittets rubrik stämmer med punktens titel (varning: en avsiktligt annan formulering går bra).',
    },
    'time-range': {
      title: 'Tider för delvis närvaro',
      description: 'Den som var med en del av mötet kom och gick inom mötets tid, och kom innan den gick.',
    },
    'item-range': {
      title: 'Punkter för delvis närvaro och gäster',
      description: 'Punkterna som anges för delvis närvaro och för gäster finns i protokollet.',
    },
    'decision-kind': {
      title: 'Beslut eller överenskommelse',
      description: 'Ett beslutande nätverk fattar beslut (`decisions:`), övriga nätverk gör överenskommelser (`agreements:`).',
    },
    'due-date': {
      title: 'Sista datum för uppdrag',
      description: 'Datumet då ett uppdrag ska vara klart senast (`due:`) ligger efter mötet.',
    },
    'follows-up': {
      title: 'Uppföljning',
      description: '`follows_up` pekar på ett uppdrag (ett beslut med ansvarig) från ett tidigare möte som finns i arkivet.',
    },
    'roster-term': { title: 'Medlemskapets datum', description: 'Ett medlemskap i nätverket slutar efter det börjar.' },
    'roster-overlap': { title: 'Överlappande medlemskap', description: 'En persons medlemskap i samma nätverk överlappar inte varandra.' },
    'calendar-duplicate': { title: 'Dubbelbokat datum', description: 'Kalendern planerar varje datum en gång.' },
    'term-duplicate': { title: 'Dubblerad mandatperiod', description: 'Varje mandatperiod har sitt eget id.' },
    'term-meetings': {
      title: 'Planerade möten per mandatperiod',
      description: 'En mandatperiods planerade möten (`meetings:`) stämmer med nätverkets `meetings_per_term` när båda anges.',
    },
    'term-order': { title: 'Mandatperiodens datum', description: 'En mandatperiod slutar efter den börjar.' },
    'term-overlap': { title: 'Överlappande mandatperioder', description: 'Mandatperioderna följer på varandra utan att överlappa.' },
    'roster-outside-terms': {
      title: 'Medlemskap utanför mandatperioderna',
      description: 'När nätverket har mandatperioder ligger medlemslistans datum inom någon av dem.',
    },
  },
  /** The words of kd rules, kd explain and the README's rule table. */
  ruleDocs: {
    columns: { rule: 'regel', severity: 'allvarlighet', checks: 'kontrollerar' },
    warningOnly: 'varning',
    messages: 'Anmärkningar regeln kan ge',
    ok: 'Exempel som går igenom',
    notOk: 'Exempel som ger anmärkning',
    committed: (d: { file: string }) => `${d.file}, som den var justerad i föregående commit:`,
    file: (d: { file: string }) => `${d.file}:`,
    removed: (d: { file: string }) => `${d.file} tas bort.`,
    gives: 'kd check säger:',
  },
};

function yamlCode(code: ErrorCode): string {
  return sv.yamlCodes[code];
}

/** Which quotes to put a text in: straight double ones, or single ones when the text holds a double quote or a backslash. */
function quoteAdvice(quote: '"' | "'"): string {
  return quote === '"'
    ? `Sätt hela texten inom raka citattecken, "…" (innehåller texten själv ", använd '…').`
    : `Sätt hela texten inom enkla raka citattecken, '…', eftersom den själv innehåller " eller \\ (ett ' i texten skrivs då '').`;
}

function expectation(e: Expectation): string {
  return wordExpectation(sv, q, e);
}
