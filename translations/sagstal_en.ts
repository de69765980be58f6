<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Sagstal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sagstal helps team leaders and union representatives in Danish municipal social work compare each caseworker&apos;s caseload with the Danish Association of Social Workers&apos; (DS) recommended caseloads, see how many full-time positions the team needs, and what the shortfall costs. It prints a staffing memo that names its sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the norms come from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sagstal works entirely offline. Team files stay on your computer and nothing is sent anywhere. Staff names are personal data: memos can show them anonymised (Employee A, B, …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free software under the MIT licence. The recommended caseloads are DS&apos;s; Sagstal is not published by DS.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sagstal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartHost</name>
    <message>
        <source>Preparing the load chart…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help – how Sagstal computes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {name} could not be read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file, Danish Excel (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export blank template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import as new team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People already in the team (matched by name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge: update them with the file&apos;s filled-in cells and keep their other counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace their case counts with the file&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the whole team: people not in the file are removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {rows} rows, {columns} columns. Check how each column is used, the rows and the problems below. Nothing changes until you press Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read the {count} warnings; import anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} errors: nothing can be imported until they are fixed in the file (or the column use is changed). Nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no rows to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the warnings and tick the box to import anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new team with {count} people will be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{added} new, {updated} updated, {removed} removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadChart</name>
    <message>
        <source>Load in % of DS max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DS max 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DS min {pct}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}
Load: {load} of DS max
Full-time caseload: {fte}
Cases: {cases}
{status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Computed for {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure against {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo team (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the staff members to duplicate first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the staff members to remove first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed {names}. Ctrl+Z brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save team as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team has changes that are not saved. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sagstal was not closed normally. Unsaved changes to {name} from {time} were kept. Recover them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered the unsaved changes. Save to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sagstal team (*.sagstal);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This function is not available in this installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change team settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change own norm sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norm set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The norm set the team is measured against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import as new &amp;team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export spreads&amp;heet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export anon&amp;ymised spreadsheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;blank template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;memo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;all case types of the norm set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Own norm sets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Sagstal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected staff members (Delete). Undo with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a column for every case type of the norm set, also empty ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Competences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Distribute new cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rebalance cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case types the selected person may take, and &quot;takes no new cases&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose who takes new cases: the highest load as low as possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose which cases to move to lower the highest load, with few moves.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoActions</name>
    <message>
        <source>Export memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sagstal memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The memo could not be written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The memo could not be made ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {n} page(s) to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo saved to {path} ({n} pages)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoOptionsDialog</name>
    <message>
        <source>Export memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymise staff (Staff member A, B, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No name, initials or start date of any person appears in the PDF, its metadata included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National figures from DS&apos;s 2023 survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseloads in projects with documented effects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a cost per FTE under Team → Settings to include a budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget years:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First budget year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured against: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoPreviewDialog</name>
    <message>
        <source>Memo preview</source>
        <extracomment>Zoom choices in percent of the page&apos;s printed size; 0 = fit the width of the window.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoProgress</name>
    <message>
        <source>Writing the memo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewNormSetDialog</name>
    <message>
        <source>New norm set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Municipal ceiling 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. City council decision on a caseload ceiling, 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new set starts as a copy of a built-in set. Afterwards, change the figures that differ, e.g. your municipality&apos;s ceiling on caseloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the figures come from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the new set a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A set named &quot;{name}&quot; exists already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NormSetEditorDialog</name>
    <message>
        <source>Own norm sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your team&apos;s own norm sets, e.g. a ceiling on caseloads decided by the municipality. A new set starts as a copy of one of DS&apos;s sets: change the figures that differ and note where they come from. The team can then be measured against it, beside DS&apos;s ranges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norm sets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. City council decision on a caseload ceiling, 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the figures come from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a minimum or maximum to change it (&quot;37,5&quot; and &quot;37.5&quot; both work). Changed figures are highlighted and cited as the team&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team has no norm sets of its own yet. Click &quot;New…&quot; to make one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A norm set needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A set named &quot;{name}&quot; exists already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;{name}&quot; is the norm set the team is measured against. Choose another norm set for the team first, then delete this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename norm set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete norm set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the norm set &quot;{name}&quot;? Cancel in the norm set window still brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NormTableModel</name>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewest cases of only this type for one full-time caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most cases of only this type for one full-time caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range in the built-in set this set was copied from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{type}, column {column}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{type}, column {column}: &quot;{value}&quot; is not allowed. The minimum must be above 0 and not above the maximum (min {low}, max {high}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Name</source>
        <extracomment>Role with a plain sortable value for every cell (numbers, dates as ordinals, names folded). Role with the raw ``Status`` of a row (any column). Role with the member id of a row (any column).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours on other tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casework FTE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-time caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load % of DS max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases the person holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casework capacity: (weekly hours − hours on other tasks) / {fth}, reduced for newcomers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-time-equivalent caseload: total cases × {fth} / casework hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted load: Σ cases / DS max of their type / casework FTE. 100 % = exactly DS max.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the caseload lies against the DS range of the chosen norm set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not measured by the norm set {set}; counted in the totals only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area: {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range per full-time caseworker: {range} ({set})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted as {other}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No range of its own: the area&apos;s range applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newcomer: capacity reduced by {pct} for the first {months} months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tasks: {tasks}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newcomer: reduced capacity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cases are of types the norm set does not measure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set {type} for {name} to {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {column} of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} ({name}), {column}: {reason} – not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case types and areas the person may take (double-click to change). ⊘ = takes no new cases.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Below DS range</source>
        <extracomment>Light cell backgrounds (dark text stays readable on them) and strong bar colours.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within DS range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over DS max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer cases than DS&apos;s minimum for the person&apos;s casework hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between DS&apos;s minimum and maximum (100 % = exactly DS max).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More cases than DS&apos;s maximum for the person&apos;s casework hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No casework hours, so no load can be computed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>{n} short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} surplus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available FTE:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff over DS max:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average full-time caseload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DS range for the team&apos;s cases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At DS min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the midpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At DS max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FTE needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortfall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of casework FTE: (weekly hours − other tasks) / {fth}, reduced for newcomers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured against: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{over} of {n} ({share})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a yearly cost per FTE in Team → Settings to see what the shortfall costs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National average 2023 (full-time caseload):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DS range then {range}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({n} answers{ds})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamSettingsDialog</name>
    <message>
        <source>Team settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Union representative (TR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newly hired staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity reduced by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Finance department, average salary with pension, 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sagstal has no default figure for this. Enter your own yearly cost of one full-time caseworker (salary, pension and overhead) and note where it comes from: both are printed with every cost. Leave it empty to show staffing needs without costs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DKK a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost and budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per full-time caseworker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source of the cost figure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First budget year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity reduced by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per full-time caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First budget year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First budget year: &quot;{value}&quot; is not a year from {low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompetenceText</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May take:
{names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May take every case type of the team&apos;s areas ({areas}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mark} Takes no new cases (may still hand cases over).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompetencesDialog</name>
    <message>
        <source>Competences – {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which cases may {name} take? Planning hands new or moved cases only to people who may take them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All case types of the team&apos;s areas (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area / case type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes no new cases (e.g. on leave or leaving)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person may still hand cases over when cases are rebalanced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one case type, or choose the default.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DistributeTab</name>
    <message>
        <source>Proposal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New cases per case type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculate proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each case goes where the highest load after the distribution is lowest, respecting competences and &quot;takes no new cases&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the number of new cases for at least one case type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculating the distribution…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases to distribute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calculation was cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanResultPanel</name>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest load: {before} → {after} of &lt;max&gt;. {proof}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proven optimal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit reached – the distance to the optimum is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit reached – at most {gap} from the optimum.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanningActions</name>
    <message>
        <source>{what}. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning closed; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change competences of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a staff member first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanningDialog</name>
    <message>
        <source>Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribute new cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebalance cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribute {n} new cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move {n} cases between staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanningModels</name>
    <message>
        <source>Case type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before
(&lt;load&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After
(&lt;load&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves
(at most)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest
load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff over
&lt;max&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RebalanceTab</name>
    <message>
        <source>Moves:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer moves or a lower highest load: choose the point worth the changes (each change of caseworker costs the citizen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculating what each number of moves achieves…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculating the moves…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No moves lower the highest load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved cases: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calculation was cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
