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
    <message>
        <source>&amp;Competences…</source>
        <translation>&amp;Kompetencer…</translation>
    </message>
    <message>
        <source>&amp;Distribute new cases…</source>
        <translation>&amp;Fordel nye sager…</translation>
    </message>
    <message>
        <source>&amp;Rebalance cases…</source>
        <translation>&amp;Omfordel sager…</translation>
    </message>
    <message>
        <source>The case types the selected person may take, and &quot;takes no new cases&quot;.</source>
        <translation>De sagstyper, den valgte medarbejder må tage, og &quot;tager ikke nye sager&quot;.</translation>
    </message>
    <message>
        <source>Propose who takes new cases: the highest load as low as possible.</source>
        <translation>Foreslå, hvem der tager nye sager: den højeste belastning så lav som muligt.</translation>
    </message>
    <message>
        <source>Propose which cases to move to lower the highest load, with few moves.</source>
        <translation>Foreslå, hvilke sager der skal flyttes for at sænke den højeste belastning, med få flytninger.</translation>
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
    <message>
        <source>Competences</source>
        <translation>Kompetencer</translation>
    </message>
    <message>
        <source>The case types and areas the person may take (double-click to change). ⊘ = takes no new cases.</source>
        <translation>De sagstyper og områder, medarbejderen må tage (dobbeltklik for at ændre). ⊘ = tager ikke nye sager.</translation>
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
    <name>CompetenceText</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>May take:
{names}</source>
        <translation>Må tage:
{names}</translation>
    </message>
    <message>
        <source>May take every case type of the team&apos;s areas ({areas}).</source>
        <translation>Må tage alle sagstyper i teamets områder ({areas}).</translation>
    </message>
    <message>
        <source>{mark} Takes no new cases (may still hand cases over).</source>
        <translation>{mark} Tager ikke nye sager (kan stadig aflevere sager).</translation>
    </message>
    <message>
        <source>Double-click to change.</source>
        <translation>Dobbeltklik for at ændre.</translation>
    </message>
</context>
<context>
    <name>CompetencesDialog</name>
    <message>
        <source>Competences – {name}</source>
        <translation>Kompetencer – {name}</translation>
    </message>
    <message>
        <source>Which cases may {name} take? Planning hands new or moved cases only to people who may take them.</source>
        <translation>Hvilke sager må {name} tage? Planlægningen giver kun nye eller flyttede sager til medarbejdere, der må tage dem.</translation>
    </message>
    <message>
        <source>All case types of the team&apos;s areas (default)</source>
        <translation>Alle sagstyper i teamets områder (standard)</translation>
    </message>
    <message>
        <source>Area / case type</source>
        <translation>Område / sagstype</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Takes no new cases (e.g. on leave or leaving)</source>
        <translation>Tager ikke nye sager (fx orlov eller fratræden)</translation>
    </message>
    <message>
        <source>The person may still hand cases over when cases are rebalanced.</source>
        <translation>Medarbejderen kan stadig aflevere sager, når sagerne omfordeles.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Check at least one case type, or choose the default.</source>
        <translation>Markér mindst én sagstype, eller vælg standarden.</translation>
    </message>
</context>
<context>
    <name>DistributeTab</name>
    <message>
        <source>Proposal:</source>
        <translation>Forslag:</translation>
    </message>
    <message>
        <source>New cases per case type:</source>
        <translation>Nye sager pr. sagstype:</translation>
    </message>
    <message>
        <source>Calculate proposal</source>
        <translation>Beregn forslag</translation>
    </message>
    <message>
        <source>Each case goes where the highest load after the distribution is lowest, respecting competences and &quot;takes no new cases&quot;.</source>
        <translation>Hver sag går dertil, hvor den højeste belastning efter fordelingen bliver lavest, med hensyn til kompetencer og &quot;tager ikke nye sager&quot;.</translation>
    </message>
    <message>
        <source>Enter the number of new cases for at least one case type.</source>
        <translation>Skriv antallet af nye sager for mindst én sagstype.</translation>
    </message>
    <message>
        <source>Calculating the distribution…</source>
        <translation>Beregner fordelingen…</translation>
    </message>
    <message>
        <source>No cases to distribute.</source>
        <translation>Ingen sager at fordele.</translation>
    </message>
    <message>
        <source>The calculation was cancelled; nothing was changed.</source>
        <translation>Beregningen blev annulleret; intet er ændret.</translation>
    </message>
</context>
<context>
    <name>PlanResultPanel</name>
    <message>
        <source>Before</source>
        <translation>Før</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <source>Highest load: {before} → {after} of &lt;max&gt;. {proof}</source>
        <translation>Højeste belastning: {before} → {after} af &lt;max&gt;. {proof}</translation>
    </message>
    <message>
        <source>Proven optimal.</source>
        <translation>Bevist optimal.</translation>
    </message>
    <message>
        <source>Time limit reached – the distance to the optimum is not known.</source>
        <translation>Tidsgrænse nået – afstanden til optimum kendes ikke.</translation>
    </message>
    <message>
        <source>Time limit reached – at most {gap} from the optimum.</source>
        <translation>Tidsgrænse nået – afstand til optimum højst {gap}.</translation>
    </message>
</context>
<context>
    <name>PlanningActions</name>
    <message>
        <source>{what}. Ctrl+Z undoes it.</source>
        <translation>{what}. Ctrl+Z fortryder.</translation>
    </message>
    <message>
        <source>Planning closed; nothing was changed.</source>
        <translation>Planlægningen er lukket; intet er ændret.</translation>
    </message>
    <message>
        <source>Change competences of {name}</source>
        <translation>Ændr kompetencer for {name}</translation>
    </message>
    <message>
        <source>Select a staff member first.</source>
        <translation>Vælg først en medarbejder.</translation>
    </message>
</context>
<context>
    <name>PlanningDialog</name>
    <message>
        <source>Planning</source>
        <translation>Planlægning</translation>
    </message>
    <message>
        <source>Distribute new cases</source>
        <translation>Fordel nye sager</translation>
    </message>
    <message>
        <source>Rebalance cases</source>
        <translation>Omfordel sager</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anvend</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Distribute {n} new cases</source>
        <translation>Fordel {n} nye sager</translation>
    </message>
    <message>
        <source>Move {n} cases between staff</source>
        <translation>Flyt {n} sager mellem medarbejdere</translation>
    </message>
</context>
<context>
    <name>PlanningModels</name>
    <message>
        <source>Case type</source>
        <translation>Sagstype</translation>
    </message>
    <message>
        <source>New cases</source>
        <translation>Nye sager</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Before
(&lt;load&gt;)</source>
        <translation>Før
(&lt;load&gt;)</translation>
    </message>
    <message>
        <source>After
(&lt;load&gt;)</source>
        <translation>Efter
(&lt;load&gt;)</translation>
    </message>
    <message>
        <source>Moves
(at most)</source>
        <translation>Flyt
højst</translation>
    </message>
    <message>
        <source>Highest
load</source>
        <translation>Højeste
belastning</translation>
    </message>
    <message>
        <source>Staff over
&lt;max&gt;</source>
        <translation>Over
&lt;max&gt;</translation>
    </message>
</context>
<context>
    <name>RebalanceTab</name>
    <message>
        <source>Moves:</source>
        <translation>Flytninger:</translation>
    </message>
    <message>
        <source>Move at most</source>
        <translation>Flyt højst</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>sager</translation>
    </message>
    <message>
        <source>Fewer moves or a lower highest load: choose the point worth the changes (each change of caseworker costs the citizen).</source>
        <translation>Færre flytninger eller lavere højeste belastning: vælg det punkt, der er ændringerne værd (hvert skift af sagsbehandler koster borgeren).</translation>
    </message>
    <message>
        <source>Calculating what each number of moves achieves…</source>
        <translation>Beregner, hvad hvert antal flytninger opnår…</translation>
    </message>
    <message>
        <source>Calculating the moves…</source>
        <translation>Beregner flytningerne…</translation>
    </message>
    <message>
        <source>No moves lower the highest load.</source>
        <translation>Ingen flytninger sænker den højeste belastning.</translation>
    </message>
    <message>
        <source>Moved cases: {n}.</source>
        <translation>Flyttede sager: {n}.</translation>
    </message>
    <message>
        <source>The calculation was cancelled; nothing was changed.</source>
        <translation>Beregningen blev annulleret; intet er ændret.</translation>
    </message>
</context>
</TS>
