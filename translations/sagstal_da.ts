<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Sagstal</source>
        <translation>Om Sagstal</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Sagstal helps team leaders and union representatives in Danish municipal social work compare each caseworker&apos;s caseload with the Danish Association of Social Workers&apos; (DS) recommended caseloads, see how many full-time positions the team needs, and what the shortfall costs. It prints a staffing memo that names its sources.</source>
        <translation>Sagstal hjælper teamledere og tillidsrepræsentanter i det kommunale socialrådgiverarbejde med at sammenligne hver medarbejders sagstal med Dansk Socialrådgiverforenings (DS) vejledende sagstal, se hvor mange fuldtidsstillinger teamet har brug for, og hvad manglen koster. Programmet udskriver et bemandingsnotat, der angiver sine kilder.</translation>
    </message>
    <message>
        <source>Where the norms come from</source>
        <translation>Hvor normerne kommer fra</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Databeskyttelse</translation>
    </message>
    <message>
        <source>Sagstal works entirely offline. Team files stay on your computer and nothing is sent anywhere. Staff names are personal data: memos can show them anonymised (Employee A, B, …).</source>
        <translation>Sagstal arbejder helt offline. Teamfiler bliver på din computer, og intet sendes nogen steder hen. Medarbejdernes navne er personoplysninger: notater kan vise dem anonymiseret (Medarbejder A, B, …).</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licens</translation>
    </message>
    <message>
        <source>Free software under the MIT licence. The recommended caseloads are DS&apos;s; Sagstal is not published by DS.</source>
        <translation>Fri software under MIT-licensen. De vejledende sagstal er DS&apos;; Sagstal er ikke udgivet af DS.</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Sagstal</source>
        <translation>Sagstal</translation>
    </message>
</context>
<context>
    <name>ChartHost</name>
    <message>
        <source>Preparing the load chart…</source>
        <translation>Forbereder belastningsdiagrammet…</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help – how Sagstal computes</source>
        <translation>Hjælp – sådan regner Sagstal</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Regneark (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-fil (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <source>Import spreadsheet</source>
        <translation>Importér regneark</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Læser {name}…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importen blev annulleret; intet er ændret.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Intet er ændret.</translation>
    </message>
    <message>
        <source>The file {name} could not be read ({detail}).</source>
        <translation>Filen {name} kunne ikke læses ({detail}).</translation>
    </message>
    <message>
        <source>CSV file, Danish Excel (*.csv)</source>
        <translation>CSV-fil, dansk Excel (*.csv)</translation>
    </message>
    <message>
        <source>Export spreadsheet</source>
        <translation>Eksportér regneark</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Skriver {name}…</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Eksporten blev annulleret.</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Eksporteret til {path}</translation>
    </message>
    <message>
        <source>Export blank template</source>
        <translation>Eksportér tom skabelon</translation>
    </message>
    <message>
        <source>Template written to {path}</source>
        <translation>Skabelonen er gemt i {path}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import spreadsheet</source>
        <translation>Importér regneark</translation>
    </message>
    <message>
        <source>Import as new team</source>
        <translation>Importér som nyt team</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Ark:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>Overskrift i filen</translation>
    </message>
    <message>
        <source>Used as</source>
        <translation>Bruges som</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Første værdi</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolonner</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rækker</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fejl</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Række</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemer</translation>
    </message>
    <message>
        <source>People already in the team (matched by name)</source>
        <translation>Medarbejdere, der allerede er i teamet (genkendt på navnet)</translation>
    </message>
    <message>
        <source>Merge: update them with the file&apos;s filled-in cells and keep their other counts</source>
        <translation>Flet: opdatér dem med filens udfyldte celler og behold deres øvrige sagstal</translation>
    </message>
    <message>
        <source>Replace their case counts with the file&apos;s</source>
        <translation>Erstat deres sagstal med filens</translation>
    </message>
    <message>
        <source>Replace the whole team: people not in the file are removed</source>
        <translation>Erstat hele teamet: medarbejdere, der ikke står i filen, fjernes</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importér</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Reading the sheet…</source>
        <translation>Læser arket…</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Kontrollerer rækkerne…</translation>
    </message>
    <message>
        <source>sheet</source>
        <translation>ark</translation>
    </message>
    <message>
        <source>{where}: {rows} rows, {columns} columns. Check how each column is used, the rows and the problems below. Nothing changes until you press Import.</source>
        <translation>{where}: {rows} rækker, {columns} kolonner. Kontrollér nedenfor, hvad hver kolonne bruges til, rækkerne og problemerne. Intet ændres, før du trykker Importér.</translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation>Problemer ({count})</translation>
    </message>
    <message>
        <source>I have read the {count} warnings; import anyway</source>
        <translation>Jeg har læst de {count} advarsler; importér alligevel</translation>
    </message>
    <message>
        <source>{count} errors: nothing can be imported until they are fixed in the file (or the column use is changed). Nothing has been changed.</source>
        <translation>{count} fejl: intet kan importeres, før de er rettet i filen (eller kolonnernes brug er ændret). Intet er ændret.</translation>
    </message>
    <message>
        <source>There are no rows to import.</source>
        <translation>Der er ingen rækker at importere.</translation>
    </message>
    <message>
        <source>Read the warnings and tick the box to import anyway.</source>
        <translation>Læs advarslerne, og sæt flueben for at importere alligevel.</translation>
    </message>
    <message>
        <source>A new team with {count} people will be opened.</source>
        <translation>Et nyt team med {count} medarbejdere bliver åbnet.</translation>
    </message>
    <message>
        <source>{added} new, {updated} updated, {removed} removed.</source>
        <translation>{added} nye, {updated} opdateret, {removed} fjernet.</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Cancel</source>
        <translation type="vanished">Annullér</translation>
    </message>
    <message>
        <source>Sagstal</source>
        <translation type="vanished">Sagstal</translation>
    </message>
</context>
<context>
    <name>LoadChart</name>
    <message>
        <source>Load in % of DS max</source>
        <translation>Belastning i % af DS&apos; maksimum</translation>
    </message>
    <message>
        <source>DS max 100 %</source>
        <translation>DS maks. 100 %</translation>
    </message>
    <message>
        <source>DS min {pct}</source>
        <translation>DS min. {pct}</translation>
    </message>
    <message>
        <source>{name}
Load: {load} of DS max
Full-time caseload: {fte}
Cases: {cases}
{status}</source>
        <translation>{name}
Belastning: {load} af DS&apos; maksimum
Fuldtidssagstal: {fte}
Sager: {cases}
{status}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Computed for {date}</source>
        <translation>Beregnet pr. {date}</translation>
    </message>
    <message>
        <source>{name} (own)</source>
        <translation>{name} (eget)</translation>
    </message>
    <message>
        <source>Measure against {name}</source>
        <translation>Mål mod {name}</translation>
    </message>
    <message>
        <source>Undo: {what}</source>
        <translation>Fortryd: {what}</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Intet at fortryde</translation>
    </message>
    <message>
        <source>Redo: {what}</source>
        <translation>Gentag: {what}</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Intet at gentage</translation>
    </message>
    <message>
        <source>Demo team (not saved)</source>
        <translation>Demoteam (ikke gemt)</translation>
    </message>
    <message>
        <source>Untitled team</source>
        <translation>Unavngivet team</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>Ny medarbejder</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>Tilføj medarbejder</translation>
    </message>
    <message>
        <source>Select the staff members to duplicate first.</source>
        <translation>Vælg først de medarbejdere, der skal dubleres.</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (kopi)</translation>
    </message>
    <message>
        <source>Duplicate staff</source>
        <translation>Dublér medarbejdere</translation>
    </message>
    <message>
        <source>Select the staff members to remove first.</source>
        <translation>Vælg først de medarbejdere, der skal fjernes.</translation>
    </message>
    <message>
        <source>Remove staff</source>
        <translation>Fjern medarbejdere</translation>
    </message>
    <message>
        <source>Removed {names}. Ctrl+Z brings them back.</source>
        <translation>Fjernede {names}. Ctrl+Z henter dem tilbage.</translation>
    </message>
    <message>
        <source>Open team</source>
        <translation>Åbn team</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Filen kan ikke åbnes</translation>
    </message>
    <message>
        <source>Opened {file}</source>
        <translation>Åbnede {file}</translation>
    </message>
    <message>
        <source>team</source>
        <translation>team</translation>
    </message>
    <message>
        <source>Save team as</source>
        <translation>Gem team som</translation>
    </message>
    <message>
        <source>Cannot save the file</source>
        <translation>Filen kan ikke gemmes</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>Gemte {file}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ændringer er ikke gemt</translation>
    </message>
    <message>
        <source>The team has changes that are not saved. Save them first?</source>
        <translation>Teamet har ændringer, der ikke er gemt. Vil du gemme dem først?</translation>
    </message>
    <message>
        <source>a new team</source>
        <translation>et nyt team</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>Gendan ændringer, der ikke blev gemt?</translation>
    </message>
    <message>
        <source>Sagstal was not closed normally. Unsaved changes to {name} from {time} were kept. Recover them?</source>
        <translation>Sagstal blev ikke lukket normalt. Ikke-gemte ændringer i {name} fra {time} er bevaret. Vil du gendanne dem?</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>Kan ikke gendanne</translation>
    </message>
    <message>
        <source>Recovered the unsaved changes. Save to keep them.</source>
        <translation>Ændringerne er gendannet. Gem for at beholde dem.</translation>
    </message>
    <message>
        <source>Sagstal team (*.sagstal);;All files (*)</source>
        <translation>Sagstal-team (*.sagstal);;Alle filer (*)</translation>
    </message>
    <message>
        <source>This function is not available in this installation.</source>
        <translation>Denne funktion findes ikke i denne installation.</translation>
    </message>
    <message>
        <source>Change team settings</source>
        <translation>Ændr teamindstillinger</translation>
    </message>
    <message>
        <source>Change own norm sets</source>
        <translation>Ændr egne normsæt</translation>
    </message>
    <message>
        <source>Norm set:</source>
        <translation>Normsæt:</translation>
    </message>
    <message>
        <source>The norm set the team is measured against</source>
        <translation>Det normsæt, teamet måles mod</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Åbn &amp;seneste</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;New team</source>
        <translation>&amp;Nyt team</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Å&amp;bn…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Gem &amp;som…</translation>
    </message>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation>&amp;Importér regneark…</translation>
    </message>
    <message>
        <source>Import as new &amp;team…</source>
        <translation>Importér som nyt &amp;team…</translation>
    </message>
    <message>
        <source>Export spreads&amp;heet…</source>
        <translation>Eksportér &amp;regneark…</translation>
    </message>
    <message>
        <source>Export anon&amp;ymised spreadsheet…</source>
        <translation>Eksportér an&amp;onymiseret regneark…</translation>
    </message>
    <message>
        <source>Export &amp;blank template…</source>
        <translation>Eksportér &amp;tom skabelon…</translation>
    </message>
    <message>
        <source>Export &amp;memo…</source>
        <translation>Eksportér &amp;notat…</translation>
    </message>
    <message>
        <source>Memo pre&amp;view…</source>
        <translation>&amp;Vis notat…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Udskriv…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <source>&amp;Add staff member</source>
        <translation>&amp;Tilføj medarbejder</translation>
    </message>
    <message>
        <source>D&amp;uplicate staff member</source>
        <translation>&amp;Dublér medarbejder</translation>
    </message>
    <message>
        <source>Re&amp;move staff member</source>
        <translation>Fjern &amp;medarbejder</translation>
    </message>
    <message>
        <source>&amp;Edit cell</source>
        <translation>R&amp;ediger celle</translation>
    </message>
    <message>
        <source>Show &amp;all case types of the norm set</source>
        <translation>Vis &amp;alle normsættets sagstyper</translation>
    </message>
    <message>
        <source>Team &amp;settings…</source>
        <translation>Team&amp;indstillinger…</translation>
    </message>
    <message>
        <source>&amp;Own norm sets…</source>
        <translation>&amp;Egne normsæt…</translation>
    </message>
    <message>
        <source>&amp;About Sagstal</source>
        <translation>&amp;Om Sagstal</translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation>(ingen seneste filer)</translation>
    </message>
    <message>
        <source>Remove the selected staff members (Delete). Undo with Ctrl+Z.</source>
        <translation>Fjern de valgte medarbejdere (Delete). Fortryd med Ctrl+Z.</translation>
    </message>
    <message>
        <source>Show a column for every case type of the norm set, also empty ones.</source>
        <translation>Vis en kolonne for hver af normsættets sagstyper, også tomme.</translation>
    </message>
</context>
<context>
    <name>MemoActions</name>
    <message>
        <source>Export memo</source>
        <translation>Eksportér notat</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Sagstal memo</source>
        <translation>Sagstal-notat</translation>
    </message>
    <message>
        <source>Print memo</source>
        <translation>Udskriv notat</translation>
    </message>
    <message>
        <source>Memo cancelled.</source>
        <translation>Notatet blev annulleret.</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>The memo could not be written: {reason}</source>
        <translation>Notatet kunne ikke skrives: {reason}</translation>
    </message>
    <message>
        <source>The memo could not be made ({detail}).</source>
        <translation>Notatet kunne ikke laves ({detail}).</translation>
    </message>
    <message>
        <source>Memo saved to {path}</source>
        <translation>Notatet er gemt i {path}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Udskriver…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Printeren kunne ikke åbnes.</translation>
    </message>
    <message>
        <source>Sent {n} page(s) to the printer.</source>
        <translation>Sendte {n} side(r) til printeren.</translation>
    </message>
    <message>
        <source>Memo saved to {path} ({n} pages)</source>
        <translation>Notatet er gemt i {path} ({n} sider)</translation>
    </message>
</context>
<context>
    <name>MemoOptionsDialog</name>
    <message>
        <source>Export memo</source>
        <translation>Eksportér notat</translation>
    </message>
    <message>
        <source>Memo preview</source>
        <translation>Vis notat</translation>
    </message>
    <message>
        <source>Print memo</source>
        <translation>Udskriv notat</translation>
    </message>
    <message>
        <source>Anonymise staff (Staff member A, B, …)</source>
        <translation>Anonymisér medarbejdere (Medarbejder A, B, …)</translation>
    </message>
    <message>
        <source>No name, initials or start date of any person appears in the PDF, its metadata included.</source>
        <translation>Ingen navne, initialer eller startdatoer fremgår af PDF-filen, heller ikke af dens metadata.</translation>
    </message>
    <message>
        <source>National figures from DS&apos;s 2023 survey</source>
        <translation>Landstal fra DS&apos; undersøgelse 2023</translation>
    </message>
    <message>
        <source>Caseloads in projects with documented effects</source>
        <translation>Sagsstammer i projekter med dokumenteret effekt</translation>
    </message>
    <message>
        <source>Budget table</source>
        <translation>Budgettabel</translation>
    </message>
    <message>
        <source>Enter a cost per FTE under Team → Settings to include a budget.</source>
        <translation>Angiv en årsværkspris under Team → Indstillinger for at få et budget med.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprog:</translation>
    </message>
    <message>
        <source>Optional sections</source>
        <translation>Valgfrie afsnit</translation>
    </message>
    <message>
        <source>Budget years:</source>
        <translation>Budgetår:</translation>
    </message>
    <message>
        <source>First budget year:</source>
        <translation>Første budgetår:</translation>
    </message>
    <message>
        <source>Measured against: {name}</source>
        <translation>Målt mod: {name}</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportér…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Udskriv…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
</context>
<context>
    <name>MemoPreviewDialog</name>
    <message>
        <source>Memo preview</source>
        <extracomment>Zoom choices in percent of the page&apos;s printed size; 0 = fit the width of the window.</extracomment>
        <translation>Vis notat</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Tilpas bredde</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Gem som PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Udskriv…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Side {page} af {pages}</translation>
    </message>
</context>
<context>
    <name>MemoProgress</name>
    <message>
        <source>Writing the memo…</source>
        <translation>Skriver notatet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">Annullér</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Notat</translation>
    </message>
</context>
<context>
    <name>NewNormSetDialog</name>
    <message>
        <source>New norm set</source>
        <translation>Nyt normsæt</translation>
    </message>
    <message>
        <source>e.g. Municipal ceiling 2026</source>
        <translation>fx Kommunens loft 2026</translation>
    </message>
    <message>
        <source>e.g. City council decision on a caseload ceiling, 2026</source>
        <translation>fx Byrådets beslutning om loft over sagstal, 2026</translation>
    </message>
    <message>
        <source>The new set starts as a copy of a built-in set. Afterwards, change the figures that differ, e.g. your municipality&apos;s ceiling on caseloads.</source>
        <translation>Det nye sæt begynder som en kopi af et indbygget sæt. Ret bagefter de tal, der er anderledes, fx kommunens loft over sagstal.</translation>
    </message>
    <message>
        <source>Copy of:</source>
        <translation>Kopi af:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Where the figures come from:</source>
        <translation>Hvor tallene kommer fra:</translation>
    </message>
    <message>
        <source>Give the new set a name.</source>
        <translation>Giv det nye sæt et navn.</translation>
    </message>
    <message>
        <source>A set named &quot;{name}&quot; exists already; choose another name.</source>
        <translation>Der findes allerede et sæt med navnet &quot;{name}&quot;; vælg et andet navn.</translation>
    </message>
</context>
<context>
    <name>NormSetEditorDialog</name>
    <message>
        <source>Own norm sets</source>
        <translation>Egne normsæt</translation>
    </message>
    <message>
        <source>Your team&apos;s own norm sets, e.g. a ceiling on caseloads decided by the municipality. A new set starts as a copy of one of DS&apos;s sets: change the figures that differ and note where they come from. The team can then be measured against it, beside DS&apos;s ranges.</source>
        <translation>Teamets egne normsæt, fx et loft over sagstal, som kommunen har besluttet. Et nyt sæt begynder som en kopi af et af DS&apos; sæt: ret de tal, der er anderledes, og skriv, hvor de kommer fra. Teamet kan derefter måles mod sættet ved siden af DS&apos; intervaller.</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nyt…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Omdøb…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>Norm sets:</source>
        <translation>Normsæt:</translation>
    </message>
    <message>
        <source>e.g. City council decision on a caseload ceiling, 2026</source>
        <translation>fx Byrådets beslutning om loft over sagstal, 2026</translation>
    </message>
    <message>
        <source>Copy of:</source>
        <translation>Kopi af:</translation>
    </message>
    <message>
        <source>Where the figures come from:</source>
        <translation>Hvor tallene kommer fra:</translation>
    </message>
    <message>
        <source>Double-click a minimum or maximum to change it (&quot;37,5&quot; and &quot;37.5&quot; both work). Changed figures are highlighted and cited as the team&apos;s own.</source>
        <translation>Dobbeltklik på et minimum eller maksimum for at ændre det (&quot;37,5&quot; og &quot;37.5&quot; virker begge). Ændrede tal er fremhævet og angives som teamets egne.</translation>
    </message>
    <message>
        <source>The team has no norm sets of its own yet. Click &quot;New…&quot; to make one.</source>
        <translation>Teamet har endnu ingen egne normsæt. Klik på &quot;Nyt…&quot; for at lave et.</translation>
    </message>
    <message>
        <source>A norm set needs a name.</source>
        <translation>Et normsæt skal have et navn.</translation>
    </message>
    <message>
        <source>A set named &quot;{name}&quot; exists already; choose another name.</source>
        <translation>Der findes allerede et sæt med navnet &quot;{name}&quot;; vælg et andet navn.</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; is the norm set the team is measured against. Choose another norm set for the team first, then delete this one.</source>
        <translation>&quot;{name}&quot; er det normsæt, teamet måles mod. Vælg først et andet normsæt til teamet, og slet så dette.</translation>
    </message>
    <message>
        <source>Rename norm set</source>
        <translation>Omdøb normsæt</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nyt navn:</translation>
    </message>
    <message>
        <source>Delete norm set</source>
        <translation>Slet normsæt</translation>
    </message>
    <message>
        <source>Delete the norm set &quot;{name}&quot;? Cancel in the norm set window still brings it back.</source>
        <translation>Slet normsættet &quot;{name}&quot;? Annuller i normsætvinduet bringer det stadig tilbage.</translation>
    </message>
</context>
<context>
    <name>NormTableModel</name>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Sagstype</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Maks.</translation>
    </message>
    <message>
        <source>Built-in range</source>
        <translation>Indbygget interval</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>Fewest cases of only this type for one full-time caseworker</source>
        <translation>Færrest sager af kun denne type for én fuldtidsansat sagsbehandler</translation>
    </message>
    <message>
        <source>Most cases of only this type for one full-time caseworker</source>
        <translation>Flest sager af kun denne type for én fuldtidsansat sagsbehandler</translation>
    </message>
    <message>
        <source>The range in the built-in set this set was copied from</source>
        <translation>Intervallet i det indbyggede sæt, dette sæt er kopieret fra</translation>
    </message>
    <message>
        <source>{type}, column {column}: {problem}</source>
        <translation>{type}, kolonne {column}: {problem}</translation>
    </message>
    <message>
        <source>{type}, column {column}: &quot;{value}&quot; is not allowed. The minimum must be above 0 and not above the maximum (min {low}, max {high}).</source>
        <translation>{type}, kolonne {column}: &quot;{value}&quot; kan ikke bruges. Minimum skal være over 0 og må ikke være over maksimum (min. {low}, maks. {high}).</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Name</source>
        <extracomment>Role with a plain sortable value for every cell (numbers, dates as ordinals, names folded). Role with the raw ``Status`` of a row (any column). Role with the member id of a row (any column).</extracomment>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Timer pr. uge</translation>
    </message>
    <message>
        <source>Hours on other tasks</source>
        <translation>Timer til andre opgaver</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Ansat fra</translation>
    </message>
    <message>
        <source>Casework FTE</source>
        <translation>Årsværk til sager</translation>
    </message>
    <message>
        <source>Total cases</source>
        <translation>Sager i alt</translation>
    </message>
    <message>
        <source>Full-time caseload</source>
        <translation>Fuldtidssagstal</translation>
    </message>
    <message>
        <source>Load % of DS max</source>
        <translation>Belastning % af DS maks.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Casework capacity: (weekly hours − hours on other tasks) / {fth}, reduced for newcomers.</source>
        <translation>Kapacitet til sagsbehandling: (ugentlige timer − timer til andre opgaver) / {fth}, nedsat for nyansatte.</translation>
    </message>
    <message>
        <source>All cases the person holds.</source>
        <translation>Alle sager, medarbejderen har.</translation>
    </message>
    <message>
        <source>Full-time-equivalent caseload: total cases × {fth} / casework hours.</source>
        <translation>Fuldtidssagstal: sager i alt × {fth} / timer til sagsbehandling.</translation>
    </message>
    <message>
        <source>Weighted load: Σ cases / DS max of their type / casework FTE. 100 % = exactly DS max.</source>
        <translation>Vægtet belastning: Σ sager / DS&apos; maksimum for sagstypen / årsværk til sager. 100 % = præcis DS&apos; maksimum.</translation>
    </message>
    <message>
        <source>Where the caseload lies against the DS range of the chosen norm set.</source>
        <translation>Hvor sagstallet ligger i forhold til DS-intervallet i det valgte normsæt.</translation>
    </message>
    <message>
        <source>{name}: not measured by the norm set {set}; counted in the totals only.</source>
        <translation>{name}: måles ikke af normsættet {set}; tælles kun med i totalerne.</translation>
    </message>
    <message>
        <source>Area: {area}</source>
        <translation>Område: {area}</translation>
    </message>
    <message>
        <source>Range per full-time caseworker: {range} ({set})</source>
        <translation>Interval pr. fuldtidsansat: {range} ({set})</translation>
    </message>
    <message>
        <source>Counted as {other}</source>
        <translation>Tælles som {other}</translation>
    </message>
    <message>
        <source>No range of its own: the area&apos;s range applies.</source>
        <translation>Intet eget interval: områdets interval gælder.</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Kilde: {source}</translation>
    </message>
    <message>
        <source>Newcomer: capacity reduced by {pct} for the first {months} months.</source>
        <translation>Nyansat: kapaciteten er nedsat med {pct} de første {months} måneder.</translation>
    </message>
    <message>
        <source>Other tasks: {tasks}</source>
        <translation>Andre opgaver: {tasks}</translation>
    </message>
    <message>
        <source>Newcomer: reduced capacity.</source>
        <translation>Nyansat: nedsat kapacitet.</translation>
    </message>
    <message>
        <source>{n} cases are of types the norm set does not measure.</source>
        <translation>{n} sager er af typer, normsættet ikke måler.</translation>
    </message>
    <message>
        <source>Set {type} for {name} to {count}</source>
        <translation>Sæt {type} for {name} til {count}</translation>
    </message>
    <message>
        <source>Change {column} of {name}</source>
        <translation>Ændr {column} for {name}</translation>
    </message>
    <message>
        <source>Row {row} ({name}), {column}: {reason} – not changed.</source>
        <translation>Række {row} ({name}), {column}: {reason} – ikke ændret.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Below DS range</source>
        <extracomment>Light cell backgrounds (dark text stays readable on them) and strong bar colours.</extracomment>
        <translation>Under DS-interval</translation>
    </message>
    <message>
        <source>Within DS range</source>
        <translation>Inden for DS-interval</translation>
    </message>
    <message>
        <source>Over DS max</source>
        <translation>Over DS&apos; maksimum</translation>
    </message>
    <message>
        <source>Not computable</source>
        <translation>Kan ikke beregnes</translation>
    </message>
    <message>
        <source>Fewer cases than DS&apos;s minimum for the person&apos;s casework hours.</source>
        <translation>Færre sager end DS&apos; minimum for medarbejderens timer til sagsbehandling.</translation>
    </message>
    <message>
        <source>Between DS&apos;s minimum and maximum (100 % = exactly DS max).</source>
        <translation>Mellem DS&apos; minimum og maksimum (100 % = præcis DS&apos; maksimum).</translation>
    </message>
    <message>
        <source>More cases than DS&apos;s maximum for the person&apos;s casework hours.</source>
        <translation>Flere sager end DS&apos; maksimum for medarbejderens timer til sagsbehandling.</translation>
    </message>
    <message>
        <source>No casework hours, so no load can be computed.</source>
        <translation>Ingen timer til sagsbehandling, så belastningen kan ikke beregnes.</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>{n} short</source>
        <translation>{n} mangler</translation>
    </message>
    <message>
        <source>{n} surplus</source>
        <translation>{n} i overskud</translation>
    </message>
    <message>
        <source>Team summary</source>
        <translation>Teamoversigt</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>Medarbejdere:</translation>
    </message>
    <message>
        <source>Available FTE:</source>
        <translation>Årsværk til rådighed:</translation>
    </message>
    <message>
        <source>Staff over DS max:</source>
        <translation>Over DS&apos; maksimum:</translation>
    </message>
    <message>
        <source>Average full-time caseload:</source>
        <translation>Gns. fuldtidssagstal:</translation>
    </message>
    <message>
        <source>DS range for the team&apos;s cases:</source>
        <translation>DS-interval for teamets sager:</translation>
    </message>
    <message>
        <source>At DS min</source>
        <translation>Ved DS&apos; minimum</translation>
    </message>
    <message>
        <source>At the midpoint</source>
        <translation>Ved midtpunktet</translation>
    </message>
    <message>
        <source>At DS max</source>
        <translation>Ved DS&apos; maksimum</translation>
    </message>
    <message>
        <source>FTE needed</source>
        <translation>Årsværk der skal til</translation>
    </message>
    <message>
        <source>Shortfall</source>
        <translation>Mangel</translation>
    </message>
    <message>
        <source>Yearly cost</source>
        <translation>Årlig udgift</translation>
    </message>
    <message>
        <source>Sum of casework FTE: (weekly hours − other tasks) / {fth}, reduced for newcomers.</source>
        <translation>Summen af årsværk til sager: (ugentlige timer − andre opgaver) / {fth}, nedsat for nyansatte.</translation>
    </message>
    <message>
        <source>Measured against: {name}</source>
        <translation>Målt mod: {name}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Kilde: {source}</translation>
    </message>
    <message>
        <source>{n} persons</source>
        <translation>{n} personer</translation>
    </message>
    <message>
        <source>{over} of {n} ({share})</source>
        <translation>{over} af {n} ({share})</translation>
    </message>
    <message>
        <source>Enter a yearly cost per FTE in Team → Settings to see what the shortfall costs.</source>
        <translation>Angiv en årlig udgift pr. årsværk under Team → Teamindstillinger for at se, hvad manglen koster.</translation>
    </message>
    <message>
        <source>National average 2023 (full-time caseload):</source>
        <translation>Landsgennemsnit 2023 (fuldtidssagstal):</translation>
    </message>
    <message>
        <source>DS range then {range}</source>
        <translation>DS-interval dengang {range}</translation>
    </message>
    <message>
        <source>({n} answers{ds})</source>
        <translation>({n} svar{ds})</translation>
    </message>
</context>
<context>
    <name>TeamSettingsDialog</name>
    <message>
        <source>Team settings</source>
        <translation>Teamindstillinger</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>Teamleder</translation>
    </message>
    <message>
        <source>Union representative (TR)</source>
        <translation>Tillidsrepræsentant (TR)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>The team</source>
        <translation>Teamet</translation>
    </message>
    <message>
        <source>Municipality:</source>
        <translation>Kommune:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Afdeling:</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>Written by:</source>
        <translation>Skrevet af:</translation>
    </message>
    <message>
        <source> months</source>
        <translation> måneder</translation>
    </message>
    <message>
        <source>Newly hired staff</source>
        <translation>Nyansatte</translation>
    </message>
    <message>
        <source>Capacity reduced by:</source>
        <translation>Kapaciteten nedsættes med:</translation>
    </message>
    <message>
        <source>For the first:</source>
        <translation>I de første:</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>ikke angivet</translation>
    </message>
    <message>
        <source>e.g. Finance department, average salary with pension, 2026</source>
        <translation>fx Økonomiafdelingen, gennemsnitsløn med pension, 2026</translation>
    </message>
    <message>
        <source>Sagstal has no default figure for this. Enter your own yearly cost of one full-time caseworker (salary, pension and overhead) and note where it comes from: both are printed with every cost. Leave it empty to show staffing needs without costs.</source>
        <translation>Sagstal har ikke noget standardtal for dette. Skriv jeres egen årlige udgift til én fuldtidsansat sagsbehandler (løn, pension og overhead), og skriv, hvor tallet kommer fra: begge dele udskrives ved hver udgift. Lad feltet stå tomt for at vise behovet for medarbejdere uden kroner.</translation>
    </message>
    <message>
        <source>DKK a year</source>
        <translation>kr. om året</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>Cost and budget</source>
        <translation>Udgift og budget</translation>
    </message>
    <message>
        <source>Cost per full-time caseworker:</source>
        <translation>Udgift pr. fuldtidsansat:</translation>
    </message>
    <message>
        <source>Source of the cost figure:</source>
        <translation>Kilde til udgiften:</translation>
    </message>
    <message>
        <source>Budget period:</source>
        <translation>Budgetperiode:</translation>
    </message>
    <message>
        <source>First budget year:</source>
        <translation>Første budgetår:</translation>
    </message>
    <message>
        <source>Capacity reduced by</source>
        <translation>Kapaciteten nedsættes med</translation>
    </message>
    <message>
        <source>Cost per full-time caseworker</source>
        <translation>Udgift pr. fuldtidsansat</translation>
    </message>
    <message>
        <source>First budget year</source>
        <translation>Første budgetår</translation>
    </message>
    <message>
        <source>First budget year: &quot;{value}&quot; is not a year from {low} to {high}</source>
        <translation>Første budgetår: &quot;{value}&quot; er ikke et årstal fra {low} til {high}</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
</context>
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Absence and vacancies</source>
        <translation>Fravær og vakancer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <source>Staff member:</source>
        <translation>Medarbejder:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Fra:</translation>
    </message>
    <message>
        <source>To (inclusive):</source>
        <translation>Til og med:</translation>
    </message>
    <message>
        <source>Mark someone absent</source>
        <translation>Markér fravær</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Absent in this scenario</source>
        <translation>Fraværende i dette scenarie</translation>
    </message>
    <message>
        <source>Hand the absent colleagues&apos; cases to colleagues with the competence (the distribution rule)</source>
        <translation>Fordel de fraværendes sager til kolleger med kompetencen (fordelingsreglen)</translation>
    </message>
    <message>
        <source>While away a person has no casework capacity. Without redistribution their cases are shown as cases without a caseworker. Absences outside the date computed have no effect; the effect is shown in Compare.</source>
        <translation>Under fravær har medarbejderen ingen kapacitet til sager. Uden fordeling vises sagerne som sager uden sagsbehandler. Fravær uden for den dato, der beregnes for, har ingen virkning; virkningen ses i Sammenlign.</translation>
    </message>
    <message>
        <source>The absence cannot end before it starts.</source>
        <translation>Fraværet kan ikke slutte, før det begynder.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare scenarios</source>
        <translation>Sammenlign scenarier</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Eksportér til Excel…</translation>
    </message>
    <message>
        <source>Computed for:</source>
        <translation>Beregnet pr.:</translation>
    </message>
    <message>
        <source>Scenarios:</source>
        <translation>Scenarier:</translation>
    </message>
    <message>
        <source>Absent colleagues&apos; cases are counted with the colleagues who receive them, as DS counts cases held for absent colleagues. FTE needed at the maximum is the headline; the midpoint and minimum are a range, not a staffing demand.</source>
        <translation>Fraværende kollegers sager tælles hos de kolleger, der overtager dem, sådan som DS tæller sager, man varetager for fraværende kolleger. Årsværk ved maksimum er hovedtallet; midtpunkt og minimum er et interval, ikke et krav om normering.</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Eksportér til Excel</translation>
    </message>
    <message>
        <source>comparison</source>
        <translation>sammenligning</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{name} could not be written: {reason}</source>
        <translation>{name} kunne ikke skrives: {reason}</translation>
    </message>
</context>
<context>
    <name>ScenarioBar</name>
    <message>
        <source>Target caseload</source>
        <translation>Målsagstal</translation>
    </message>
    <message>
        <source>Cases per full-time caseworker to compare with (0: none):</source>
        <translation>Sager pr. fuldtidsansat at sammenligne med (0: intet):</translation>
    </message>
    <message>
        <source>Target caseload…</source>
        <translation>Målsagstal…</translation>
    </message>
    <message>
        <source>Extra FTE to bring the average caseload to a target (shown in Compare)</source>
        <translation>Ekstra årsværk for at få det gennemsnitlige sagstal ned på et mål (vises i Sammenlign)</translation>
    </message>
    <message>
        <source>Current team</source>
        <translation>Nuværende team</translation>
    </message>
    <message>
        <source>Scenario: edits change the scenario, not the team</source>
        <translation>Scenarie: ændringer gælder scenariet, ikke teamet</translation>
    </message>
    <message>
        <source>{n} absent</source>
        <translation>{n} fraværende</translation>
    </message>
    <message>
        <source>Absences count in Compare (capacity 0 on the date computed).</source>
        <translation>Fravær regnes med i Sammenlign (kapacitet 0 på den dato, der beregnes for).</translation>
    </message>
    <message>
        <source>The current team</source>
        <translation>Det nuværende team</translation>
    </message>
    <message>
        <source>Name of the scenario:</source>
        <translation>Scenariets navn:</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenarie</translation>
    </message>
    <message>
        <source>A scenario needs a name that no other scenario has (“{name}”).</source>
        <translation>Et scenarie skal have et navn, som intet andet scenarie har (“{name}”).</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>Nyt scenarie</translation>
    </message>
    <message>
        <source>Copy scenario</source>
        <translation>Kopiér scenarie</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (kopi)</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>Omdøb scenarie</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>Slet scenarie</translation>
    </message>
    <message>
        <source>Delete the scenario “{name}”? (Undo with Ctrl+Z.)</source>
        <translation>Slet scenariet “{name}”? (Fortryd med Ctrl+Z.)</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scenarier</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>Variant:</translation>
    </message>
    <message>
        <source>The variant of the team shown and edited in the table</source>
        <translation>Den variant af teamet, som tabellen viser og redigerer</translation>
    </message>
    <message>
        <source>New scenario…</source>
        <translation>Nyt scenarie…</translation>
    </message>
    <message>
        <source>Copy…</source>
        <translation>Kopiér…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Omdøb…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>Absence and vacancies…</source>
        <translation>Fravær og vakancer…</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Sammenlign…</translation>
    </message>
    <message>
        <source>A new scenario with the current team&apos;s figures</source>
        <translation>Et nyt scenarie med det nuværende teams tal</translation>
    </message>
    <message>
        <source>A new scenario with the open variant&apos;s figures</source>
        <translation>Et nyt scenarie med den åbne variants tal</translation>
    </message>
    <message>
        <source>The current team and the scenarios side by side</source>
        <translation>Det nuværende team og scenarierne side om side</translation>
    </message>
</context>
<context>
    <name>Scenarios</name>
    <message>
        <source>Target caseload in “{name}”</source>
        <translation>Målsagstal i “{name}”</translation>
    </message>
    <message>
        <source>Open the current team</source>
        <translation>Åbn det nuværende team</translation>
    </message>
    <message>
        <source>Open scenario “{name}”</source>
        <translation>Åbn scenariet “{name}”</translation>
    </message>
    <message>
        <source>Copy scenario as “{name}”</source>
        <translation>Kopiér scenarie som “{name}”</translation>
    </message>
    <message>
        <source>New scenario “{name}”</source>
        <translation>Nyt scenarie “{name}”</translation>
    </message>
    <message>
        <source>Rename scenario “{old}” to “{name}”</source>
        <translation>Omdøb scenariet “{old}” til “{name}”</translation>
    </message>
    <message>
        <source>Delete scenario “{name}”</source>
        <translation>Slet scenariet “{name}”</translation>
    </message>
    <message>
        <source>Change absences in “{name}”</source>
        <translation>Ændr fravær i “{name}”</translation>
    </message>
</context>
</TS>
