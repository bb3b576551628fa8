<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Security consultant</source>
        <translation>Sikkerhedskonsulent</translation>
    </message>
</context>
<context>
    <name>AssessmentEditor</name>
    <message>
        <source>Risk assessment</source>
        <translation>Risikovurdering</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Tilbage</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Gem udkast</translation>
    </message>
    <message>
        <source>&amp;Finalise…</source>
        <translation>&amp;Afslut…</translation>
    </message>
    <message>
        <source>&amp;New assessment based on this…</source>
        <translation>&amp;Ny vurdering på grundlag af denne…</translation>
    </message>
    <message>
        <source>&amp;Delete draft…</source>
        <translation>&amp;Slet udkast…</translation>
    </message>
    <message>
        <source>&amp;Print / PDF…</source>
        <translation>&amp;Udskriv / PDF…</translation>
    </message>
    <message>
        <source>followed by no. {id}</source>
        <translation>fulgt op af nr. {id}</translation>
    </message>
    <message>
        <source>No. {id}</source>
        <translation>Nr. {id}</translation>
    </message>
    <message>
        <source>Not yet ready to be finalised:</source>
        <translation>Endnu ikke klar til at blive afsluttet:</translation>
    </message>
    <message>
        <source>The draft is saved.</source>
        <translation>Udkastet er gemt.</translation>
    </message>
    <message>
        <source>Finalise the assessment? It cannot be changed afterwards; a later change is a new assessment based on this one. The next review and the measures&apos; deadlines become follow-ups on the case.</source>
        <translation>Afslut vurderingen? Den kan ikke ændres bagefter; en senere ændring er en ny vurdering på grundlag af denne. Næste revurdering og tiltagenes frister bliver opfølgninger på sagen.</translation>
    </message>
    <message>
        <source>Finalise the assessment</source>
        <translation>Afslut vurderingen</translation>
    </message>
    <message>
        <source>The assessment is finalised and can no longer be changed.</source>
        <translation>Vurderingen er afsluttet og kan ikke længere ændres.</translation>
    </message>
    <message>
        <source>Make a new assessment based on this one? It starts as a draft with the same answers; this one stays as it is.</source>
        <translation>Lav en ny vurdering på grundlag af denne? Den begynder som et udkast med de samme svar; denne vurdering forbliver uændret.</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Ny vurdering</translation>
    </message>
    <message>
        <source>A new draft, based on no. {id}.</source>
        <translation>Et nyt udkast på grundlag af nr. {id}.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Slet udkast</translation>
    </message>
    <message>
        <source>Delete this draft? It cannot be undone.</source>
        <translation>Slet dette udkast? Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ændringer er ikke gemt</translation>
    </message>
    <message>
        <source>Leave the draft without saving your changes?</source>
        <translation>Forlad udkastet uden at gemme dine ændringer?</translation>
    </message>
</context>
<context>
    <name>AssessmentForm</name>
    <message>
        <source>Set</source>
        <translation>Fastsat</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>Oldest first; what changed since the assessment before. Enter opens one.</source>
        <translation>Ældste først, med hvad der er ændret siden vurderingen før. Enter åbner en vurdering.</translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation>Samlet vurdering</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Næste revurdering</translation>
    </message>
</context>
<context>
    <name>AuditSection</name>
    <message>
        <source>All records</source>
        <translation>Alle poster</translation>
    </message>
    <message>
        <source>Id or case code</source>
        <translation>Id eller sagskode</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle handlinger</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Hele perioden</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Seneste 7 dage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Seneste 30 dage</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>Vælg datoer</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>&amp;Nulstil filtre</translation>
    </message>
    <message>
        <source>Subject &amp;access (art. 15)…</source>
        <translation>&amp;Indsigt (art. 15)…</translation>
    </message>
    <message>
        <source>Export everything held about one citizen, with their access log</source>
        <translation>Udlever alt, hvad der er registreret om én borger, med borgerens adgangslog</translation>
    </message>
    <message>
        <source>&amp;Record:</source>
        <translation>&amp;Post:</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>Han&amp;dling:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>P&amp;eriode:</translation>
    </message>
    <message>
        <source>What was done to which record, and when. The log never shows what a record says.</source>
        <translation>Hvad der er gjort ved hvilken post, og hvornår. Loggen viser aldrig, hvad en post indeholder.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Revisionsspor</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} events, newest first.</source>
        <translation>Viser {shown} af {total} hændelser, nyeste først.</translation>
    </message>
    <message>
        <source>“{typed}” is not a record id or a case code (like 2024-00042).</source>
        <translation>“{typed}” er hverken et id eller en sagskode (som 2024-00042).</translation>
    </message>
    <message>
        <source>A case includes its contacts, notes, follow-ups and risk assessments.</source>
        <translation>En sag omfatter dens kontakter, notater, opfølgninger og risikovurderinger.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Id or case</source>
        <translation>Id eller sag</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>&amp;Make backup</source>
        <translation>&amp;Tag sikkerhedskopi</translation>
    </message>
    <message>
        <source>Make a backup</source>
        <translation>Tag en sikkerhedskopi</translation>
    </message>
    <message>
        <source>To the &amp;backup folder</source>
        <translation>Til &amp;mappen til sikkerhedskopier</translation>
    </message>
    <message>
        <source>Looking for the backup folder …</source>
        <translation>Finder mappen til sikkerhedskopier …</translation>
    </message>
    <message>
        <source>Choose f&amp;older…</source>
        <translation>Vælg ma&amp;ppe…</translation>
    </message>
    <message>
        <source>To a &amp;file:</source>
        <translation>Til en &amp;fil:</translation>
    </message>
    <message>
        <source>File for the backup</source>
        <translation>Fil til sikkerhedskopien</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>&amp;Vælg fil…</translation>
    </message>
    <message>
        <source>The backup is encrypted and opens with the vault&apos;s current passphrase. It is opened and checked after it is written. Keep it on another drive than the laptop&apos;s.</source>
        <translation>Sikkerhedskopien er krypteret og åbnes med boksens nuværende adgangskode. Den åbnes og kontrolleres, når den er skrevet. Gem den på et andet drev end den bærbares.</translation>
    </message>
    <message>
        <source>No backup folder is chosen yet. Choose one here or in Overview: backups are then also made there automatically.</source>
        <translation>Der er endnu ikke valgt en mappe til sikkerhedskopier. Vælg en her eller i Overblik; så tages der også sikkerhedskopier dér automatisk.</translation>
    </message>
    <message>
        <source>The backup folder cannot be reached: {path}</source>
        <translation>Mappen til sikkerhedskopier kan ikke nås: {path}</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>Mappe til sikkerhedskopier</translation>
    </message>
    <message>
        <source>{path} (new: the automatic backups are written here from now on)</source>
        <translation>{path} (ny: de automatiske sikkerhedskopier skrives her fra nu af)</translation>
    </message>
    <message>
        <source>Save backup as</source>
        <translation>Gem sikkerhedskopi som</translation>
    </message>
    <message>
        <source>Backups (*.bak);;All files (*)</source>
        <translation>Sikkerhedskopier (*.bak);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Choose the file to save the backup in.</source>
        <translation>Vælg den fil, sikkerhedskopien skal gemmes i.</translation>
    </message>
    <message>
        <source>Writing and checking the backup …</source>
        <translation>Skriver og kontrollerer sikkerhedskopien …</translation>
    </message>
    <message>
        <source>Stopped. No backup was kept.</source>
        <translation>Stoppet. Der er ikke gemt nogen sikkerhedskopi.</translation>
    </message>
    <message>
        <source>The backup is saved and checked: {path} ({size}).</source>
        <translation>Sikkerhedskopien er gemt og kontrolleret: {path} ({size}).</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>New survey campaign</source>
        <translation>Ny spørgeskemakampagne</translation>
    </message>
    <message>
        <source>The agency&apos;s code; empty: a random code is drawn</source>
        <translation>Styrelsens kode; tom: der trækkes en tilfældig kode</translation>
    </message>
    <message>
        <source>Period, last day</source>
        <translation>Periode, sidste dag</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation>K&amp;ode</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Emne</translation>
    </message>
    <message>
        <source>E-mail &amp;text</source>
        <translation>Mail&amp;tekst</translation>
    </message>
    <message>
        <source>Placeholders: {names}. The text must contain {{link}}.</source>
        <translation>Pladsholdere: {names}. Teksten skal indeholde {{link}}.</translation>
    </message>
</context>
<context>
    <name>CaseActionDialog</name>
    <message>
        <source>Save ({shortcut})</source>
        <translation>Gem ({shortcut})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Slet…</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>The first {shown} of {count} are shown.</source>
        <translation>De første {shown} af {count} vises.</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Tilbage</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>Add &amp;contact</source>
        <translation>Tilføj &amp;kontakt</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Tilføj &amp;notat</translation>
    </message>
    <message>
        <source>C&amp;lose case</source>
        <translation>&amp;Luk sagen</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>Gen&amp;åbn</translation>
    </message>
    <message>
        <source>Make it a c&amp;ourse</source>
        <translation>Gør til &amp;forløb</translation>
    </message>
    <message>
        <source>&amp;Hand over…</source>
        <translation>&amp;Overdrag sag…</translation>
    </message>
    <message>
        <source>Erase case…</source>
        <translation>Slet sag…</translation>
    </message>
    <message>
        <source>Add follo&amp;w-up</source>
        <translation>Tilføj o&amp;pfølgning</translation>
    </message>
    <message>
        <source>&amp;Start risk assessment</source>
        <translation>&amp;Start risikovurdering</translation>
    </message>
    <message>
        <source>&amp;Print risk summary…</source>
        <translation>&amp;Udskriv risikovurdering…</translation>
    </message>
    <message>
        <source>&amp;Open entry (Enter)</source>
        <translation>Å&amp;bn punkt (Enter)</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Sagens oplysninger</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>&amp;Timeline (newest first)</source>
        <translation>T&amp;idslinje (nyeste først)</translation>
    </message>
    <message>
        <source>Enter opens the chosen entry to correct it; Delete removes a contact or a note.</source>
        <translation>Enter åbner det valgte punkt, så det kan rettes; Delete sletter en kontakt eller et notat.</translation>
    </message>
    <message>
        <source>Case {code}</source>
        <translation>Sag {code}</translation>
    </message>
    <message>
        <source>Closed {date} ({reason})</source>
        <translation>Lukket {date} ({reason})</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>received from a colleague (their case {code})</source>
        <translation>modtaget fra en kollega (kollegaens sag {code})</translation>
    </message>
    <message>
        <source>handed over to {name} {date}, read-only</source>
        <translation>overdraget til {name} {date}, skrivebeskyttet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Modtaget</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <source>Inquirer</source>
        <translation>Henvender</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Fagperson</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Trip status</source>
        <translation>Rejsestatus</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Årsager</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>Rådgivning givet</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>This case is read-only here.</source>
        <translation>Sagen er skrivebeskyttet her.</translation>
    </message>
</context>
<context>
    <name>CitizenEraseDialog</name>
    <message>
        <source>Erase everything about the citizen</source>
        <translation>Slet alt om borgeren</translation>
    </message>
    <message>
        <source>&amp;Erase for good</source>
        <translation>&amp;Slet for altid</translation>
    </message>
    <message>
        <source>Erase everything about {who}</source>
        <translation>Slet alt om {who}</translation>
    </message>
    <message>
        <source>At the citizen&apos;s request (GDPR art. 17): the citizen and every case about them, with notes, contacts, follow-ups and risk assessments, are deleted from the vault file for good. The anonymous counts stay as they are. This cannot be undone.</source>
        <translation>På borgerens anmodning (databeskyttelsesforordningens artikel 17): borgeren og alle sager om borgeren, med notater, kontakter, opfølgninger og risikovurderinger, slettes for altid fra boksens fil. De anonyme optællinger forbliver uændrede. Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Erasing and rewriting the vault file…</source>
        <translation>Sletter og skriver boksens fil om…</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close case</source>
        <translation>Luk sagen</translation>
    </message>
    <message>
        <source>Edit closing</source>
        <translation>Ret lukningen</translation>
    </message>
    <message>
        <source>Choose …</source>
        <translation>Vælg …</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Årsag:</translation>
    </message>
    <message>
        <source>&amp;Closed on:</source>
        <translation>&amp;Lukket den:</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add contact</source>
        <translation>Tilføj kontakt</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Ret kontakt</translation>
    </message>
    <message>
        <source>Choose …</source>
        <translation>Vælg …</translation>
    </message>
    <message>
        <source>&amp;Professional:</source>
        <translation>&amp;Fagperson:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Hvornår:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>&amp;Resumé:</translation>
    </message>
    <message>
        <source>Delete this contact? It cannot be undone; the audit log keeps that it was deleted.</source>
        <translation>Slet denne kontakt? Det kan ikke fortrydes; revisionssporet viser, at den er slettet.</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Date</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>This contact is not part of a case.</source>
        <translation>Kontakten hører ikke til en sag.</translation>
    </message>
    <message>
        <source>Double-click to open case {case}.</source>
        <translation>Dobbeltklik for at åbne sag {case}.</translation>
    </message>
    <message>
        <source>(no case)</source>
        <translation>(ingen sag)</translation>
    </message>
    <message>
        <source>Inquiry received</source>
        <translation>Henvendelsen modtaget</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
</context>
<context>
    <name>CreatingPage</name>
    <message>
        <source>Creating your vault …</source>
        <translation>Opretter din boks …</translation>
    </message>
    <message>
        <source>The encryption key is made from your passphrase. This takes a moment.</source>
        <translation>Krypteringsnøglen dannes ud fra din adgangskode. Det tager et øjeblik.</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <source>Discard what you have typed?</source>
        <translation>Kassér det, du har skrevet?</translation>
    </message>
</context>
<context>
    <name>DraftOffer</name>
    <message>
        <source>Draft</source>
        <translation>Kladde</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsæt</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Kassér</translation>
    </message>
    <message>
        <source>You have a draft from {when} ({form}).</source>
        <translation>Du har en kladde fra {when} ({form}).</translation>
    </message>
    <message>
        <source>{count} more after this.</source>
        <translation>{count} mere efter denne.</translation>
    </message>
    <message>
        <source>{date} at {time}</source>
        <translation>{date} kl. {time}</translation>
    </message>
    <message>
        <source>new inquiry</source>
        <translation>ny henvendelse</translation>
    </message>
    <message>
        <source>new follow-up</source>
        <translation>ny opfølgning</translation>
    </message>
    <message>
        <source>a form</source>
        <translation>en formular</translation>
    </message>
    <message>
        <source>inquiry {case}</source>
        <translation>henvendelse {case}</translation>
    </message>
    <message>
        <source>note on {case}</source>
        <translation>notat til {case}</translation>
    </message>
    <message>
        <source>contact on {case}</source>
        <translation>kontakt i {case}</translation>
    </message>
    <message>
        <source>follow-up on {case}</source>
        <translation>opfølgning på {case}</translation>
    </message>
    <message>
        <source>risk assessment on {case}</source>
        <translation>risikovurdering i {case}</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase case {code}</source>
        <translation>Slet sag {code}</translation>
    </message>
    <message>
        <source>&amp;Erase for good</source>
        <translation>&amp;Slet for altid</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begrundelse:</translation>
    </message>
    <message>
        <source>The citizen, notes, contacts, follow-ups and risk assessments of the case are deleted from the vault file for good. The anonymous counts stay as they are. This cannot be undone.</source>
        <translation>Sagens borger, notater, kontakter, opfølgninger og risikovurderinger slettes for altid fra boksens fil. De anonyme optællinger forbliver uændrede. Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Erasing and rewriting the vault file…</source>
        <translation>Sletter og skriver boksens fil om…</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>Save &amp;error report…</source>
        <translation>Gem &amp;fejlrapport…</translation>
    </message>
    <message>
        <source>error-report</source>
        <translation>fejlrapport</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>Gem fejlrapport</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zip-filer (*.zip)</translation>
    </message>
    <message>
        <source>Error report saved: {path}</source>
        <translation>Fejlrapporten er gemt: {path}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something unexpected went wrong, and nothing more was done. Help → Save error report saves the details for support.</source>
        <translation>Der skete en uventet fejl, og der blev ikke gjort mere. Hjælp → Gem fejlrapport gemmer detaljerne til support.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export inquiries</source>
        <translation>Eksportér henvendelser</translation>
    </message>
    <message>
        <source>Writes the inquiries to a CSV file in the inquiry file format, which Excel opens and this program (on this or another computer) can import again.</source>
        <translation>Skriver henvendelserne til en CSV-fil i henvendelsesfilens format, som Excel kan åbne, og som dette program (på denne eller en anden computer) kan importere igen.</translation>
    </message>
    <message>
        <source>&amp;Only inquiries received in a period</source>
        <translation>&amp;Kun henvendelser modtaget i en periode</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file is NOT encrypted and holds personal data&lt;/b&gt;: the inquiries&apos; notes and the professionals&apos; names, e-mail addresses and telephone numbers. Save it only where it is safe, hand it over only to someone who may see it, and delete it when it has served.</source>
        <translation>&lt;b&gt;Filen er IKKE krypteret og indeholder personoplysninger&lt;/b&gt;: henvendelsernes noter og fagpersonernes navne, e-mailadresser og telefonnumre. Gem den kun, hvor den er sikker, giv den kun til nogen, der må se den, og slet den, når den har gjort sin nytte.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportér…</translation>
    </message>
    <message>
        <source>The period&apos;s first day is after its last.</source>
        <translation>Periodens første dag ligger efter dens sidste.</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-fil (*.csv)</translation>
    </message>
    <message>
        <source>Exporting: {done} of {total} inquiries</source>
        <translation>Eksporterer: {done} af {total} henvendelser</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <source>The export was stopped; no file was written.</source>
        <translation>Eksporten blev afbrudt; ingen fil er skrevet.</translation>
    </message>
    <message numerus="yes">
        <source>%n inquiry(ies) exported to {path}. Remember: the file is not encrypted.</source>
        <translation>
            <numerusform>%n henvendelse eksporteret til {path}. Husk: filen er ikke krypteret.</numerusform>
            <numerusform>%n henvendelser eksporteret til {path}. Husk: filen er ikke krypteret.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportRow</name>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Eksportér &amp;XLSX…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Eksportér &amp;CSV…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Eksportér P&amp;DF…</translation>
    </message>
    <message>
        <source>Protect small &amp;numbers (&lt;5)</source>
        <translation>Beskyt s&amp;må tal (&lt;5)</translation>
    </message>
    <message>
        <source>For files that leave the team: figures from 1 to 4 are shown as “&lt;5”, and enough other figures are hidden that they cannot be worked out from the totals.</source>
        <translation>Til filer, der forlader teamet: tal fra 1 til 4 vises som “&lt;5”, og så mange andre tal skjules, at de ikke kan regnes ud fra totalerne.</translation>
    </message>
    <message>
        <source>Exported files are &lt;b&gt;not encrypted&lt;/b&gt;. They hold counts only (nothing about any person); keep and share them with care.</source>
        <translation>Eksporterede filer er &lt;b&gt;ikke krypteret&lt;/b&gt;. De indeholder kun optællinger (intet om nogen person); opbevar og del dem med omtanke.</translation>
    </message>
</context>
<context>
    <name>FileListModel</name>
    <message>
        <source>Package files</source>
        <translation>Pakkefiler</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Notes, professional, citizen, reason, case code or reference</source>
        <translation>Notater, fagperson, borger, årsag, sagskode eller reference</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Hele perioden</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Denne måned</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Sidste måned</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Sidste år</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Seneste 12 måneder</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Fra – til</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>Open and closed</source>
        <translation>Åbne og lukkede</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbne</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukkede</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Alle regioner</translation>
    </message>
    <message>
        <source>All municipalities</source>
        <translation>Alle kommuner</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Alle årsager</translation>
    </message>
    <message>
        <source>All inquirers</source>
        <translation>Alle henvendere</translation>
    </message>
    <message>
        <source>All ages</source>
        <translation>Alle aldre</translation>
    </message>
    <message>
        <source>Any trip status</source>
        <translation>Al rejsestatus</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søgning</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>Inquirer</source>
        <translation>Henvender</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Trip status</source>
        <translation>Rejsestatus</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Søg:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>Filters:</source>
        <translation>Filtre:</translation>
    </message>
    <message>
        <source>Remove the filter {filter}</source>
        <translation>Fjern filteret {filter}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>New vault</source>
        <translation>Ny boks</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Tilbage</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Næste</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>Open an existing &amp;vault…</source>
        <translation>Åbn en eksisterende &amp;boks…</translation>
    </message>
    <message>
        <source>Type a passphrase.</source>
        <translation>Skriv en adgangskode.</translation>
    </message>
    <message>
        <source>Choose a stronger passphrase.</source>
        <translation>Vælg en stærkere adgangskode.</translation>
    </message>
    <message>
        <source>Type the same passphrase again in the second field.</source>
        <translation>Skriv den samme adgangskode igen i det andet felt.</translation>
    </message>
    <message>
        <source>Tick the box to confirm that you have read this.</source>
        <translation>Sæt kryds for at bekræfte, at du har læst dette.</translation>
    </message>
    <message>
        <source>Fill in your name and choose your team.</source>
        <translation>Skriv dit navn, og vælg dit team.</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>Trin {n} af {total}</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>&amp;Opret boksen</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Edit follow-up</source>
        <translation>Ret opfølgning</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>Ny opfølgning</translation>
    </message>
    <message>
        <source>e.g. 2025-00012</source>
        <translation>fx 2025-00012</translation>
    </message>
    <message>
        <source>Choose type</source>
        <translation>Vælg type</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Sag</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>The note stays in the vault; a calendar export holds only the case code.</source>
        <translation>Noten bliver i boksen; en kalendereksport indeholder kun sagskoden.</translation>
    </message>
    <message>
        <source>No case has the code “{code}”. Write it as on the case, e.g. 2025-00012.</source>
        <translation>Ingen sag har koden “{code}”. Skriv den som på sagen, fx 2025-00012.</translation>
    </message>
</context>
<context>
    <name>FollowUpReminder</name>
    <message>
        <source>Follow-ups: {overdue} overdue, {today} due today.</source>
        <translation>Opfølgninger: {overdue} forfaldne, {today} i dag.</translation>
    </message>
    <message>
        <source>Security consultant</source>
        <translation>Sikkerhedskonsulent</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Påmindelse</translation>
    </message>
    <message>
        <source>Show follow-ups</source>
        <translation>Vis opfølgninger</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>FollowUpsSection</name>
    <message>
        <source>Follow-ups</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Snoozed until</source>
        <translation>Udsat til</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Udført</translation>
    </message>
    <message>
        <source>Mark the chosen follow-ups done (Space)</source>
        <translation>Markér de valgte opfølgninger som udført (mellemrum)</translation>
    </message>
    <message>
        <source>&amp;Snooze…</source>
        <translation>U&amp;dsæt…</translation>
    </message>
    <message>
        <source>End s&amp;nooze</source>
        <translation>Afslut ud&amp;sættelse</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ret…</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>Å&amp;bn sag</translation>
    </message>
    <message>
        <source>Open the case ({key})</source>
        <translation>Åbn sagen ({key})</translation>
    </message>
    <message>
        <source>&amp;New follow-up…</source>
        <translation>&amp;Ny opfølgning…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>E&amp;ksportér til kalender…</translation>
    </message>
    <message>
        <source>Write the chosen follow-ups as a calendar file (.ics)</source>
        <translation>Gem de valgte opfølgninger som kalenderfil (.ics)</translation>
    </message>
    <message>
        <source>The calendar file holds only “Follow-up” and the case code on the day: no name, no type and no note, because a calendar is copied to phones and servers outside the vault.</source>
        <translation>Kalenderfilen indeholder kun “Opfølgning” og sagskoden på dagen: intet navn, ingen type og ingen note, fordi en kalender kopieres til telefoner og servere uden for boksen.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Forfaldne</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Kommende</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Udsatte</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>Intet er forfaldent.</translation>
    </message>
    <message>
        <source>No follow-ups today.</source>
        <translation>Ingen opfølgninger i dag.</translation>
    </message>
    <message>
        <source>Nothing coming up.</source>
        <translation>Intet på vej.</translation>
    </message>
    <message>
        <source>None snoozed.</source>
        <translation>Ingen udsatte.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n follow-up(s) ({codes}).</source>
        <translation>
            <numerusform>Udført: %n opfølgning ({codes}).</numerusform>
            <numerusform>Udført: %n opfølgninger ({codes}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Snoozed: {code} until {until}.</source>
        <translation>Udsat: {code} til {until}.</translation>
    </message>
    <message>
        <source>Saved: follow-up on {code}.</source>
        <translation>Gemt: opfølgning på {code}.</translation>
    </message>
    <message>
        <source>Added: follow-up on {code}.</source>
        <translation>Tilføjet: opfølgning på {code}.</translation>
    </message>
    <message>
        <source>Export follow-ups to calendar</source>
        <translation>Eksportér opfølgninger til kalender</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) written to {path}. The file holds only the case codes.</source>
        <translation>
            <numerusform>%n opfølgning gemt i {path}. Filen indeholder kun sagskoden.</numerusform>
            <numerusform>%n opfølgninger gemt i {path}. Filen indeholder kun sagskoderne.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over case {code}</source>
        <translation>Overdrag sag {code}</translation>
    </message>
    <message>
        <source>&amp;Add colleague</source>
        <translation>Tilføj &amp;kollega</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Vælg fil…</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>&amp;Overdrag</translation>
    </message>
    <message>
        <source>Your key:</source>
        <translation>Din nøgle:</translation>
    </message>
    <message>
        <source>&amp;To colleague:</source>
        <translation>&amp;Til kollega:</translation>
    </message>
    <message>
        <source>Their fingerprint:</source>
        <translation>Kollegaens fingeraftryk:</translation>
    </message>
    <message>
        <source>New colleague&apos;s &amp;name:</source>
        <translation>Ny kollegas &amp;navn:</translation>
    </message>
    <message>
        <source>Their &amp;key:</source>
        <translation>Kollegaens nø&amp;gle:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>The whole case is encrypted so that only the colleague&apos;s vault can open it. Compare the fingerprint with the colleague, e.g. on the phone. Afterwards the case is read-only here and offered for erasure.</source>
        <translation>Hele sagen krypteres, så kun kollegaens boks kan åbne den. Sammenlign fingeraftrykket med kollegaen, fx i telefonen. Bagefter er sagen skrivebeskyttet her og tilbydes til sletning.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>fingerprint {fingerprint}</source>
        <translation>fingeraftryk {fingerprint}</translation>
    </message>
    <message>
        <source>{name} added; fingerprint {fingerprint}. Compare it with {name}.</source>
        <translation>{name} er tilføjet; fingeraftryk {fingerprint}. Sammenlign det med {name}.</translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>No. {id}</source>
        <translation>Nr. {id}</translation>
    </message>
    <message>
        <source>(this one)</source>
        <translation>(denne)</translation>
    </message>
</context>
<context>
    <name>IdleNotice</name>
    <message>
        <source>The vault is about to lock</source>
        <translation>Boksen låses snart</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Bliv</translation>
    </message>
    <message>
        <source>Nothing has happened for a while: the vault locks in {seconds} seconds. What you have typed is kept as a draft.</source>
        <translation>Der er ikke sket noget i et stykke tid: boksen låses om {seconds} sekunder. Det, du har skrevet, gemmes som kladde.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import inquiries</source>
        <translation>Importér henvendelser</translation>
    </message>
    <message>
        <source>Reads inquiries from a CSV or XLSX file in the inquiry file format (see the user guide). The file is checked first and nothing is written until you choose Import; the import is all or nothing.</source>
        <translation>Læser henvendelser fra en CSV- eller XLSX-fil i henvendelsesfilens format (se vejledningen). Filen kontrolleres først, og intet skrives, før du vælger Importér; importen sker helt eller slet ikke.</translation>
    </message>
    <message>
        <source>A .csv or .xlsx file</source>
        <translation>En .csv- eller .xlsx-fil</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Vælg fil…</translation>
    </message>
    <message>
        <source>C&amp;heck the file</source>
        <translation>&amp;Kontrollér filen</translation>
    </message>
    <message>
        <source>&amp;Problems in the file:</source>
        <translation>&amp;Problemer i filen:</translation>
    </message>
    <message>
        <source>C&amp;opy the problems</source>
        <translation>K&amp;opiér problemerne</translation>
    </message>
    <message>
        <source>&amp;Skip invalid rows (they are saved in a file next to the chosen file)</source>
        <translation>&amp;Spring ugyldige rækker over (de gemmes i en fil ved siden af den valgte fil)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importér</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Vælg filen, der skal importeres</translation>
    </message>
    <message>
        <source>Inquiry files (*.csv *.xlsx)</source>
        <translation>Henvendelsesfiler (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Vælg først en fil.</translation>
    </message>
    <message>
        <source>Checking the file: row {done} of {total}</source>
        <translation>Kontrollerer filen: række {done} af {total}</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Kontrollerer filen…</translation>
    </message>
    <message>
        <source>The check was stopped.</source>
        <translation>Kontrollen blev afbrudt.</translation>
    </message>
    <message>
        <source>Choose a file, and it is checked before anything is imported.</source>
        <translation>Vælg en fil; den kontrolleres, før noget importeres.</translation>
    </message>
    <message>
        <source>The file has no problems. Choose Import to import it.</source>
        <translation>Filen har ingen fejl. Vælg Importér for at importere den.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the file. Correct the file, or skip the invalid rows.</source>
        <translation>
            <numerusform>%n fejl i filen. Ret filen, eller spring de ugyldige rækker over.</numerusform>
            <numerusform>%n fejl i filen. Ret filen, eller spring de ugyldige rækker over.</numerusform>
        </translation>
    </message>
    <message>
        <source>{rows} rows: {added} to add, {updated} to update, {unchanged} unchanged, {rejected} invalid. Professionals: {professionals_added} new, {professionals_updated} completed.</source>
        <translation>{rows} rækker: {added} tilføjes, {updated} opdateres, {unchanged} uændrede, {rejected} ugyldige. Fagpersoner: {professionals_added} nye, {professionals_updated} suppleres.</translation>
    </message>
    <message>
        <source>The problems are copied.</source>
        <translation>Fejlene er kopieret.</translation>
    </message>
    <message>
        <source>Importing: row {done} of {total}</source>
        <translation>Importerer: række {done} af {total}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importerer…</translation>
    </message>
    <message>
        <source>The import was stopped; nothing was imported.</source>
        <translation>Importen blev afbrudt; intet er importeret.</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>Importeret: {added} tilføjet, {updated} opdateret, {unchanged} uændret.</translation>
    </message>
    <message>
        <source>{rejected} invalid rows were skipped and saved in {path}. That file is NOT encrypted.</source>
        <translation>{rejected} ugyldige rækker er sprunget over og gemt i {path}. Den fil er IKKE krypteret.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n problem(s) in the file.</source>
        <translation>
            <numerusform>Intet er importeret: %n fejl i filen.</numerusform>
            <numerusform>Intet er importeret: %n fejl i filen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InquiriesSection</name>
    <message>
        <source>Clear &amp;filters</source>
        <translation>Ryd &amp;filtre</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Stop (Esc)</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>Henvendelser</translation>
    </message>
    <message>
        <source>The search was stopped.</source>
        <translation>Søgningen blev afbrudt.</translation>
    </message>
    <message>
        <source>No inquiries match these filters: {filters}.</source>
        <translation>Ingen henvendelser passer til disse filtre: {filters}.</translation>
    </message>
    <message>
        <source>There are no inquiries yet.</source>
        <translation>Der er ingen henvendelser endnu.</translation>
    </message>
    <message>
        <source>Counting …</source>
        <translation>Tæller …</translation>
    </message>
    <message>
        <source>Searching …</source>
        <translation>Søger …</translation>
    </message>
    <message numerus="yes">
        <source>%n inquiries</source>
        <translation>
            <numerusform>%n henvendelse</numerusform>
            <numerusform>%n henvendelser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InquiryForm</name>
    <message>
        <source>New inquiry</source>
        <translation>Ny henvendelse</translation>
    </message>
    <message>
        <source>Edit inquiry</source>
        <translation>Rediger henvendelse</translation>
    </message>
    <message>
        <source>Save ({shortcut})</source>
        <translation>Gem ({shortcut})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Choose …</source>
        <translation>Vælg …</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(ikke oplyst)</translation>
    </message>
    <message>
        <source>Type a name, e-mail or organisation</source>
        <translation>Skriv navn, e-mail eller organisation</translation>
    </message>
    <message>
        <source>Only when the inquirer is Other</source>
        <translation>Kun når henvenderen er Andet</translation>
    </message>
    <message>
        <source>Initials or a pseudonym (optional)</source>
        <translation>Initialer eller et pseudonym (frivilligt)</translation>
    </message>
    <message>
        <source>&amp;Received</source>
        <translation>&amp;Modtaget</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Kommune</translation>
    </message>
    <message>
        <source>Re&amp;gion</source>
        <translation>Re&amp;gion</translation>
    </message>
    <message>
        <source>&amp;Professional</source>
        <translation>&amp;Fagperson</translation>
    </message>
    <message>
        <source>E-mai&amp;l</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Inquirer</source>
        <translation>&amp;Henvender</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>For&amp;valtning</translation>
    </message>
    <message>
        <source>Other in&amp;quirer</source>
        <translation>&amp;Anden henvender</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>Kana&amp;l</translation>
    </message>
    <message>
        <source>&amp;Age group</source>
        <translation>Al&amp;der</translation>
    </message>
    <message>
        <source>G&amp;ender</source>
        <translation>K&amp;øn</translation>
    </message>
    <message>
        <source>Co&amp;nsent</source>
        <translation>&amp;Samtykke</translation>
    </message>
    <message>
        <source>Trip stat&amp;us</source>
        <translation>Re&amp;jsestatus</translation>
    </message>
    <message>
        <source>Citi&amp;zen</source>
        <translation>&amp;Borger</translation>
    </message>
    <message>
        <source>Rea&amp;sons</source>
        <translation>Å&amp;rsager</translation>
    </message>
    <message>
        <source>Ad&amp;vice given</source>
        <translation>Rådg&amp;ivning givet</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>&amp;Noter</translation>
    </message>
    <message>
        <source>* must be filled in</source>
        <translation>* skal udfyldes</translation>
    </message>
</context>
<context>
    <name>InquiryTableModel</name>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Modtaget</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Inquirer</source>
        <translation>Henvender</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Fagperson</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Trip status</source>
        <translation>Rejsestatus</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Abroad</source>
        <translation>I udlandet</translation>
    </message>
    <message>
        <source>Concern (DK)</source>
        <translation>Bekymring (DK)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Security consultant</source>
        <translation>Sikkerhedskonsulent</translation>
    </message>
    <message>
        <source>&amp;New inquiry</source>
        <translation>&amp;Ny henvendelse</translation>
    </message>
    <message>
        <source>&amp;Find case</source>
        <translation>&amp;Find sag</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>Lock the vault ({shortcut})</source>
        <translation>Lås boksen ({shortcut})</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Boks</translation>
    </message>
    <message>
        <source>&amp;Inquiries</source>
        <translation>&amp;Henvendelser</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Gå til</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Boks</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importér…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportér…</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Team: {team}</source>
        <translation>Team: {team}</translation>
    </message>
    <message>
        <source>Inquiry {code} is saved.</source>
        <translation>Henvendelse {code} er gemt.</translation>
    </message>
</context>
<context>
    <name>MeasuresEditor</name>
    <message>
        <source>No measures yet.</source>
        <translation>Ingen tiltag endnu.</translation>
    </message>
    <message>
        <source>&amp;Add measure</source>
        <translation>&amp;Tilføj tiltag</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>same e-mail</source>
        <translation>samme e-mail</translation>
    </message>
    <message>
        <source>same name and phone</source>
        <translation>samme navn og telefon</translation>
    </message>
    <message>
        <source>Merge professionals</source>
        <translation>Flet fagpersoner</translation>
    </message>
    <message>
        <source>Suggested groups</source>
        <translation>Foreslåede grupper</translation>
    </message>
    <message>
        <source>Keep which one?</source>
        <translation>Hvem skal beholdes?</translation>
    </message>
    <message>
        <source>Contacts, inquiries and survey links move to the one you keep, and its empty fields are filled from the others. The others are then deleted. A merge cannot be undone.</source>
        <translation>Kontakter, henvendelser og spørgeskemalinks flyttes til den, der beholdes, og dens tomme felter udfyldes fra de andre. Derefter slettes de andre. En fletning kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Flet</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Merge %n into one</source>
        <translation>
            <numerusform>&amp;Flet %n til én</numerusform>
            <numerusform>&amp;Flet %n til én</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n kontakt</numerusform>
            <numerusform>%n kontakter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthRange</name>
    <message>
        <source>First month</source>
        <translation>Første måned</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Sidste måned</translation>
    </message>
    <message>
        <source>This &amp;year</source>
        <translation>&amp;I år</translation>
    </message>
    <message>
        <source>&amp;Last year</source>
        <translation>&amp;Sidste år</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Add note</source>
        <translation>Tilføj notat</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Ret notat</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notat:</translation>
    </message>
    <message>
        <source>Delete this note? It cannot be undone; the audit log keeps that it was deleted.</source>
        <translation>Slet dette notat? Det kan ikke fortrydes; revisionssporet viser, at det er slettet.</translation>
    </message>
</context>
<context>
    <name>OtherVault</name>
    <message>
        <source>&amp;Open a vault file…</source>
        <translation>&amp;Åbn en boksfil…</translation>
    </message>
    <message>
        <source>&amp;Create a new vault…</source>
        <translation>&amp;Opret en ny boks…</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Åbn en boks</translation>
    </message>
    <message>
        <source>Vaults ({patterns});;All files (*)</source>
        <translation>Bokse ({patterns});;Alle filer (*)</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>Opret en ny boks</translation>
    </message>
    <message>
        <source>Vaults ({patterns})</source>
        <translation>Bokse ({patterns})</translation>
    </message>
    <message>
        <source>A file already exists there and is never overwritten: {path}. Choose another name.</source>
        <translation>Der findes allerede en fil der, og den overskrives aldrig: {path}. Vælg et andet navn.</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <source>&amp;Erase selected case…</source>
        <translation>&amp;Slet valgte sag…</translation>
    </message>
    <message>
        <source>Recei&amp;ve case…</source>
        <translation>&amp;Modtag sag…</translation>
    </message>
    <message>
        <source>Choose &amp;backup folder…</source>
        <translation>Vælg mappe til bac&amp;kup…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <source>No folder is chosen for automatic backups.</source>
        <translation>Der er ikke valgt en mappe til automatiske sikkerhedskopier.</translation>
    </message>
    <message>
        <source>The backup folder cannot be reached: {path}</source>
        <translation>Mappen til sikkerhedskopier kan ikke nås: {path}</translation>
    </message>
    <message>
        <source>No verified automatic backup has been made yet.</source>
        <translation>Der er endnu ikke taget en kontrolleret automatisk sikkerhedskopi.</translation>
    </message>
    <message>
        <source>No verified backup for more than 7 days (latest: {when}).</source>
        <translation>Ingen kontrolleret sikkerhedskopi i over 7 dage (seneste: {when}).</translation>
    </message>
    <message>
        <source>Latest verified backup: {when}</source>
        <translation>Seneste kontrollerede sikkerhedskopi: {when}</translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation>Mappe til automatiske sikkerhedskopier</translation>
    </message>
    <message>
        <source>Writing and checking a backup…</source>
        <translation>Skriver og kontrollerer en sikkerhedskopi…</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Forfaldne opfølgninger</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>Intet er forfaldent.</translation>
    </message>
    <message>
        <source>Follow-ups today</source>
        <translation>Opfølgninger i dag</translation>
    </message>
    <message>
        <source>No follow-ups today.</source>
        <translation>Ingen opfølgninger i dag.</translation>
    </message>
    <message>
        <source>Inquiries this month</source>
        <translation>Henvendelser denne måned</translation>
    </message>
    <message>
        <source>No inquiries yet this month.</source>
        <translation>Ingen henvendelser endnu denne måned.</translation>
    </message>
    <message>
        <source>Open courses</source>
        <translation>Åbne forløb</translation>
    </message>
    <message>
        <source>No open courses.</source>
        <translation>Ingen åbne forløb.</translation>
    </message>
    <message>
        <source>Cases due for erasure</source>
        <translation>Sager til sletning</translation>
    </message>
    <message>
        <source>No case is due for erasure.</source>
        <translation>Ingen sager skal slettes.</translation>
    </message>
</context>
<context>
    <name>PackageTableModel</name>
    <message>
        <source>Consultant (id)</source>
        <translation>Konsulent (id)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Talt med</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Before the period (PDF history only)</source>
        <translation>Før perioden (kun PDF&apos;ens historik)</translation>
    </message>
    <message>
        <source>No: a newer version is used</source>
        <translation>Nej: en nyere version er brugt</translation>
    </message>
    <message>
        <source>No: after the period</source>
        <translation>Nej: efter perioden</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>&amp;Skift adgangskode</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Skift adgangskode</translation>
    </message>
    <message>
        <source>Your c&amp;urrent passphrase:</source>
        <translation>Din &amp;nuværende adgangskode:</translation>
    </message>
    <message>
        <source>Type your current passphrase.</source>
        <translation>Skriv din nuværende adgangskode.</translation>
    </message>
    <message>
        <source>Type the new passphrase in both fields.</source>
        <translation>Skriv den nye adgangskode i begge felter.</translation>
    </message>
    <message>
        <source>Changing the passphrase: the vault is written again under the new key …</source>
        <translation>Skifter adgangskode: boksen skrives igen under den nye nøgle …</translation>
    </message>
    <message>
        <source>The passphrase is changed. From now on the vault opens only with the new one.</source>
        <translation>Adgangskoden er skiftet. Fra nu af åbnes boksen kun med den nye.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>&amp;Vis adgangskoden</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Adgangskodens styrke</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>Adgangs&amp;kode:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Gentag den:</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Vælg en adgangskode</translation>
    </message>
    <message>
        <source>Everything you record is encrypted with this passphrase. A sentence of several words that only you know is both strong and easy to remember.</source>
        <translation>Alt, hvad du registrerer, krypteres med denne adgangskode. En sætning af flere ord, som kun du kender, er både stærk og nem at huske.</translation>
    </message>
    <message>
        <source>Not strong enough yet:</source>
        <translation>Ikke stærk nok endnu:</translation>
    </message>
    <message>
        <source>Strong enough.</source>
        <translation>Stærk nok.</translation>
    </message>
    <message>
        <source>A sentence of several words that only you know is best.</source>
        <translation>En sætning af flere ord, som kun du kender, er bedst.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De to adgangskoder er ikke ens.</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print risk assessment</source>
        <translation>Udskriv risikovurdering</translation>
    </message>
    <message>
        <source>Show the citizen&apos;s &amp;name</source>
        <translation>Vis borgerens &amp;navn</translation>
    </message>
    <message>
        <source>The name is printed only when this is ticked.</source>
        <translation>Navnet kommer kun med på udskriften, når der er sat kryds her.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Udskriv…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Gem som P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Luk</translation>
    </message>
    <message>
        <source>Making the printout…</source>
        <translation>Laver udskriften…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n side.</numerusform>
            <numerusform>%n sider.</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Printeren kunne ikke startes.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sendt til printeren.</translation>
    </message>
    <message>
        <source>Preparing the pages for the printer…</source>
        <translation>Gør siderne klar til printeren…</translation>
    </message>
    <message>
        <source>risk-assessment</source>
        <translation>risikovurdering</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Gem som PDF</translation>
    </message>
    <message>
        <source>The PDF file is NOT encrypted. Anyone who can open the folder can read it. Save it only where it is protected, and delete it when it is no longer needed.</source>
        <translation>PDF-filen er IKKE krypteret. Alle, der kan åbne mappen, kan læse den. Gem den kun et sted, der er beskyttet, og slet den, når der ikke længere er brug for den.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as {path} (not encrypted).</source>
        <translation>Gemt som {path} (ikke krypteret).</translation>
    </message>
</context>
<context>
    <name>ProfessionalDetails</name>
    <message>
        <source>Choose a professional in the list.</source>
        <translation>Vælg en fagperson på listen.</translation>
    </message>
    <message>
        <source>Organisation type:</source>
        <translation>Organisationstype:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Municipality:</source>
        <translation>Kommune:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ret…</translation>
    </message>
    <message>
        <source>Audit &amp;log</source>
        <translation>Re&amp;visionsspor</translation>
    </message>
    <message>
        <source>Show what has been done to this professional&apos;s record</source>
        <translation>Vis, hvad der er gjort ved denne fagpersons oplysninger</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Double-click a contact to open its case.</source>
        <translation>Dobbeltklik på en kontakt for at åbne sagen.</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message numerus="yes">
        <source>Contacts (%n)</source>
        <translation>
            <numerusform>Kontakter (%n)</numerusform>
            <numerusform>Kontakter (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfessionalDialog</name>
    <message>
        <source>Edit professional</source>
        <translation>Ret fagperson</translation>
    </message>
    <message>
        <source>Choose type</source>
        <translation>Vælg type</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>Organisation &amp;type</source>
        <translation>Organisations&amp;type</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Kommune</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Tele&amp;fon</translation>
    </message>
</context>
<context>
    <name>ProfessionalTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Seneste kontakt</translation>
    </message>
</context>
<context>
    <name>ProfessionalsSection</name>
    <message>
        <source>Search name, e-mail or organisation</source>
        <translation>Søg på navn, e-mail eller organisation</translation>
    </message>
    <message>
        <source>Search professionals</source>
        <translation>Søg blandt fagpersoner</translation>
    </message>
    <message>
        <source>&amp;Review suggestions…</source>
        <translation>&amp;Se forslag…</translation>
    </message>
    <message>
        <source>&amp;Merge selected…</source>
        <translation>&amp;Flet valgte…</translation>
    </message>
    <message>
        <source>Select two or more rows (Ctrl+click) that are the same person</source>
        <translation>Markér to eller flere rækker (Ctrl+klik), der er samme person</translation>
    </message>
    <message>
        <source>Choose a professional in the list.</source>
        <translation>Vælg en fagperson på listen.</translation>
    </message>
    <message>
        <source>Professionals</source>
        <translation>Fagpersoner</translation>
    </message>
    <message numerus="yes">
        <source>%n professional(s)</source>
        <translation>
            <numerusform>%n fagperson</numerusform>
            <numerusform>%n fagpersoner</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} af {total}</translation>
    </message>
    <message numerus="yes">
        <source>Possible duplicates: %n group(s) of professionals may be one person entered twice.</source>
        <translation>
            <numerusform>Mulige dubletter: %n gruppe af fagpersoner er måske én person, der er registreret flere gange.</numerusform>
            <numerusform>Mulige dubletter: %n grupper af fagpersoner er måske én person, der er registreret flere gange.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n professionals selected. Merge them if they are one person.</source>
        <translation>
            <numerusform>%n fagperson valgt.</numerusform>
            <numerusform>%n fagpersoner valgt. Flet dem, hvis de er samme person.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved: {name}.</source>
        <translation>Gemt: {name}.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected professionals</source>
        <translation>
            <numerusform>%n valgt fagperson</numerusform>
            <numerusform>%n valgte fagpersoner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %n professional(s) into one.</source>
        <translation>
            <numerusform>%n fagperson er flettet ind.</numerusform>
            <numerusform>%n fagpersoner er flettet ind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved: {contacts} contacts, {inquiries} inquiries, {links} survey links.</source>
        <translation>Flyttet: {contacts} kontakter, {inquiries} henvendelser, {links} spørgeskemalinks.</translation>
    </message>
    <message>
        <source>Both had the survey link in campaign “{campaign}”: the first (recorded {on}) is kept.</source>
        <translation>Begge havde fået spørgeskemalinket i kampagnen “{campaign}”: det første (registreret {on}) er beholdt.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Choose your team</source>
        <translation>Vælg dit team</translation>
    </message>
    <message>
        <source>Choose a region</source>
        <translation>Vælg en region</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source> years after closing</source>
        <translation> år efter afslutning</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Dit na&amp;vn:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>T&amp;eam:</translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation>Standard&amp;region:</translation>
    </message>
    <message>
        <source>Keep closed cases:</source>
        <translation>Gem afsluttede sager:</translation>
    </message>
    <message>
        <source>The vault is saved as:</source>
        <translation>Boksen gemmes som:</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Om dig</translation>
    </message>
    <message>
        <source>Your name is written on the inquiries you register. New inquiries start in the default region; you can change it on each one.</source>
        <translation>Dit navn skrives på de henvendelser, du registrerer. Nye henvendelser starter i standardregionen; du kan ændre den på hver enkelt.</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive case</source>
        <translation>Modtag sag</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Vælg fil…</translation>
    </message>
    <message>
        <source>&amp;Read file</source>
        <translation>&amp;Læs filen</translation>
    </message>
    <message>
        <source>I have compared the fingerprint with the sender, and it is the same.</source>
        <translation>Jeg har sammenlignet fingeraftrykket med afsenderen, og det er det samme.</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>&amp;Modtag</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>Afsender:</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Indhold:</translation>
    </message>
    <message>
        <source>Nothing changes in the vault until you press Receive. The same file twice adds nothing.</source>
        <translation>Intet ændres i boksen, før du trykker Modtag. Den samme fil to gange tilføjer intet.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>{name} (fingerprint {fingerprint})</source>
        <translation>{name} (fingeraftryk {fingerprint})</translation>
    </message>
    <message>
        <source>UNKNOWN sender, calls themselves “{name}” (fingerprint {fingerprint}). Call the sender and compare the fingerprint before you receive the case.</source>
        <translation>UKENDT afsender, kalder sig “{name}” (fingeraftryk {fingerprint}). Ring til afsenderen og sammenlign fingeraftrykket, før du modtager sagen.</translation>
    </message>
    <message>
        <source>Case {code} · notes: {notes}, contacts: {contacts}, follow-ups: {follow_ups}, risk assessments: {risk}</source>
        <translation>Sag {code} · notater: {notes}, kontakter: {contacts}, opfølgninger: {follow_ups}, risikovurderinger: {risk}</translation>
    </message>
    <message>
        <source>The case is already in the vault; receiving adds nothing.</source>
        <translation>Sagen findes allerede i boksen; at modtage den tilføjer intet.</translation>
    </message>
</context>
<context>
    <name>RecipientModel</name>
    <message>
        <source>Same e-mail address as another professional: probably one person.</source>
        <translation>Samme e-mailadresse som en anden fagperson: sandsynligvis én person.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>(no e-mail)</source>
        <translation>(ingen e-mail)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Første kontakt</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
</context>
<context>
    <name>RecipientsTab</name>
    <message>
        <source>Who gets the link</source>
        <translation>Hvem får linket</translation>
    </message>
    <message>
        <source>Open in &amp;mail program</source>
        <translation>Åbn i &amp;mailprogram</translation>
    </message>
    <message>
        <source>Open the e-mail to the chosen professional in the mail program</source>
        <translation>Åbn mailen til den valgte fagperson i mailprogrammet</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Kopiér tekst</translation>
    </message>
    <message>
        <source>Copy the e-mail text to paste it yourself</source>
        <translation>Kopiér mailteksten, så du selv kan indsætte den</translation>
    </message>
    <message>
        <source>Send through SM&amp;TP…</source>
        <translation>Send via mailserveren (SM&amp;TP)…</translation>
    </message>
    <message>
        <source>Send the e-mail to every chosen professional through the mail server</source>
        <translation>Send mailen til alle valgte fagpersoner via mailserveren</translation>
    </message>
    <message>
        <source>Sent &amp;another way…</source>
        <translation>Sendt på &amp;anden måde…</translation>
    </message>
    <message>
        <source>Record that the link was sent by phone, mail or otherwise</source>
        <translation>Registrér at linket er givet pr. telefon, mail eller på anden måde</translation>
    </message>
    <message>
        <source>Not &amp;relevant</source>
        <translation>Ikke &amp;relevant</translation>
    </message>
    <message>
        <source>Record that the chosen professionals are not to get the link</source>
        <translation>Registrér at de valgte fagpersoner ikke skal have linket</translation>
    </message>
    <message numerus="yes">
        <source>%n professional(s) should get the link.</source>
        <translation>
            <numerusform>%n fagperson skal have linket.</numerusform>
            <numerusform>%n fagpersoner skal have linket.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n group(s) share an e-mail address and are probably one person entered twice. Merge them in Professionals before sending, so the link goes out only once.</source>
        <translation>
            <numerusform>⚠ %n gruppe deler en e-mailadresse og er sandsynligvis én person oprettet to gange. Flet dem under Fagpersoner før afsendelse, så linket kun sendes én gang.</numerusform>
            <numerusform>⚠ %n grupper deler en e-mailadresse og er sandsynligvis én person oprettet to gange. Flet dem under Fagpersoner før afsendelse, så linket kun sendes én gang.</numerusform>
        </translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>Pr. telefon</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Pr. mail</translation>
    </message>
    <message>
        <source>Otherwise</source>
        <translation>På anden måde</translation>
    </message>
    <message>
        <source>Sent another way</source>
        <translation>Sendt på anden måde</translation>
    </message>
    <message>
        <source>How was the link given?</source>
        <translation>Hvordan blev linket givet?</translation>
    </message>
    <message>
        <source>No mail program answered, so nothing was sent or recorded. Use “Copy text” and send it yourself, then record how it was sent.</source>
        <translation>Intet mailprogram svarede, så intet er sendt eller registreret. Brug “Kopiér tekst” og send den selv, og registrér så, hvordan den blev sendt (“Sendt på anden måde…”).</translation>
    </message>
    <message>
        <source>The text was shortened to fit the mail program; the link is whole.</source>
        <translation>Teksten er forkortet, så mailprogrammet kan tage den; linket er helt.</translation>
    </message>
    <message>
        <source>Open in mail program</source>
        <translation>Åbn i mailprogram</translation>
    </message>
    <message>
        <source>Was the e-mail sent?</source>
        <translation>Blev mailen sendt?</translation>
    </message>
    <message>
        <source>The e-mail text is copied. Paste it into your mail.</source>
        <translation>Mailteksten er kopieret. Indsæt den i din mail.</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Kopiér tekst</translation>
    </message>
    <message>
        <source>Was the text sent?</source>
        <translation>Blev teksten sendt?</translation>
    </message>
    <message>
        <source>Not relevant</source>
        <translation>Ikke relevant</translation>
    </message>
    <message numerus="yes">
        <source>Record that %n professional(s) are not to get the link in this campaign?</source>
        <translation>
            <numerusform>Registrér at %n fagperson ikke skal have linket i denne kampagne?</numerusform>
            <numerusform>Registrér at %n fagpersoner ikke skal have linket i denne kampagne?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded as sent: %n professional(s).</source>
        <translation>
            <numerusform>Registreret som sendt: %n fagperson.</numerusform>
            <numerusform>Registreret som sendt: %n fagpersoner.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded as not relevant: %n professional(s).</source>
        <translation>
            <numerusform>Registreret som ikke relevant: %n fagperson.</numerusform>
            <numerusform>Registreret som ikke relevant: %n fagpersoner.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send through SMTP</source>
        <translation>Send via mailserveren</translation>
    </message>
    <message numerus="yes">
        <source>Send the e-mail with the survey link to %n professional(s) now?</source>
        <translation>
            <numerusform>Send mailen med spørgeskemalinket til %n fagperson nu?</numerusform>
            <numerusform>Send mailen med spørgeskemalinket til %n fagpersoner nu?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent and recorded: %n.</source>
        <translation>
            <numerusform>Sendt og registreret: %n.</numerusform>
            <numerusform>Sendt og registreret: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending stopped. The e-mails sent before are recorded.</source>
        <translation>Afsendelsen er stoppet. De mails, der blev sendt inden, er registreret.</translation>
    </message>
    <message>
        <source>Sending the survey link…</source>
        <translation>Sender spørgeskemalinket…</translation>
    </message>
</context>
<context>
    <name>ReportModel</name>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Links sent</source>
        <translation>Links sendt</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Svarprocent</translation>
    </message>
</context>
<context>
    <name>ResponsesTab</name>
    <message>
        <source>Save &amp;responses</source>
        <translation>Gem &amp;svar</translation>
    </message>
    <message>
        <source>Responses per region, as the survey tool reports them:</source>
        <translation>Svar pr. region, som spørgeskemaværktøjet opgør dem:</translation>
    </message>
    <message>
        <source>Responses per region</source>
        <translation>Besvarelser pr. region</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Eksportér &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Eksportér &amp;XLSX…</translation>
    </message>
    <message>
        <source>The responses are saved.</source>
        <translation>Svarene er gemt.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Export survey report</source>
        <translation>Eksportér spørgeskemarapport</translation>
    </message>
    <message>
        <source>The report is written to {path}.</source>
        <translation>Rapporten er gemt i {path}.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Gendan</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Gendan en sikkerhedskopi</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>Henvendelser</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sikkerhedskopier</translation>
    </message>
    <message>
        <source>Choose &amp;another file…</source>
        <translation>Vælg en &amp;anden fil…</translation>
    </message>
    <message>
        <source>R&amp;ead the backup</source>
        <translation>&amp;Læs sikkerhedskopien</translation>
    </message>
    <message>
        <source>&amp;Backups:</source>
        <translation>&amp;Sikkerhedskopier:</translation>
    </message>
    <message>
        <source>The backup&apos;s &amp;passphrase:</source>
        <translation>Sikkerhedskopiens adgangs&amp;kode:</translation>
    </message>
    <message>
        <source>Before the restore, the vault as it is now is saved and checked beside it ({name}.before-restore-….bak). The backup then replaces the vault, and the program opens the restored vault.</source>
        <translation>Før gendannelsen gemmes og kontrolleres boksen, som den er nu, ved siden af den ({name}.before-restore-….bak). Derefter erstatter sikkerhedskopien boksen, og programmet åbner den gendannede boks.</translation>
    </message>
    <message>
        <source>Looking for backups …</source>
        <translation>Finder sikkerhedskopier …</translation>
    </message>
    <message>
        <source>No backups were found. Choose a backup file with “Choose another file”.</source>
        <translation>Der blev ikke fundet nogen sikkerhedskopier. Vælg en fil med “Vælg en anden fil”.</translation>
    </message>
    <message>
        <source>Other passphrase</source>
        <translation>Anden adgangskode</translation>
    </message>
    <message>
        <source>Cannot be used</source>
        <translation>Kan ikke bruges</translation>
    </message>
    <message>
        <source>This backup was made under another passphrase. Type it and press “Read the backup”.</source>
        <translation>Sikkerhedskopien er taget under en anden adgangskode. Skriv den, og tryk “Læs sikkerhedskopien”.</translation>
    </message>
    <message>
        <source>{count} inquiries. Press “Restore” to put this backup in the vault&apos;s place.</source>
        <translation>{count} henvendelser. Tryk “Gendan” for at sætte sikkerhedskopien i boksens sted.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Vælg en sikkerhedskopi</translation>
    </message>
    <message>
        <source>Backups ({patterns});;All files (*)</source>
        <translation>Sikkerhedskopier ({patterns});;Alle filer (*)</translation>
    </message>
    <message>
        <source>Type the backup&apos;s passphrase.</source>
        <translation>Skriv sikkerhedskopiens adgangskode.</translation>
    </message>
    <message>
        <source>Restoring the backup …</source>
        <translation>Gendanner sikkerhedskopien …</translation>
    </message>
    <message>
        <source>The backup is restored. The vault as it was before is kept as {path}.</source>
        <translation>Sikkerhedskopien er gendannet. Boksen, som den var før, er gemt som {path}.</translation>
    </message>
    <message>
        <source>From now on the vault opens with the backup&apos;s passphrase.</source>
        <translation>Fra nu af åbnes boksen med sikkerhedskopiens adgangskode.</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>Finalised</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Measure {n}, {field}: {message}</source>
        <translation>Tiltag {n}, {field}: {message}</translation>
    </message>
</context>
<context>
    <name>RiskSection</name>
    <message>
        <source>All assessments</source>
        <translation>Alle vurderinger</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Udkast</translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation>Afsluttede</translation>
    </message>
    <message>
        <source>Case code, e.g. 2025-00042</source>
        <translation>Sagsnummer, fx 2025-00042</translation>
    </message>
    <message>
        <source>&amp;Start assessment</source>
        <translation>Star&amp;t vurdering</translation>
    </message>
    <message>
        <source>New assessment for &amp;case:</source>
        <translation>Ny vurdering for &amp;sag:</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Vis:</translation>
    </message>
    <message>
        <source>Structured risk assessments and screenings of the cases. Enter opens one; a finalised assessment is changed by making a new one based on it.</source>
        <translation>Strukturerede risikovurderinger og screeninger i sagerne. Enter åbner en vurdering; en afsluttet vurdering ændres ved at lave en ny på grundlag af den.</translation>
    </message>
    <message>
        <source>Risk assessments</source>
        <translation>Risikovurderinger</translation>
    </message>
    <message>
        <source>{count} assessments, {drafts} of them drafts.</source>
        <translation>{count} vurderinger, heraf {drafts} udkast.</translation>
    </message>
    <message>
        <source>Type the code of the case first.</source>
        <translation>Skriv sagens nummer først.</translation>
    </message>
</context>
<context>
    <name>SafekeepingPage</name>
    <message>
        <source>Nobody can recover a lost passphrase: not your team lead, not IT, not the makers of this program. Without it, everything in the vault is lost for good.</source>
        <translation>Ingen kan gendanne en glemt adgangskode: hverken din teamleder, IT eller programmets udviklere. Uden den er alt i boksen tabt for altid.</translation>
    </message>
    <message>
        <source>Write the passphrase down and keep the note locked away, apart from the laptop. Make a backup regularly and keep it on another drive (a backup opens with the same passphrase). In the program:</source>
        <translation>Skriv adgangskoden ned, og opbevar sedlen aflåst og adskilt fra computeren. Tag jævnligt en sikkerhedskopi, og gem den på et andet drev (kopien åbnes med den samme adgangskode). I programmet:</translation>
    </message>
    <message>
        <source>{backup_now}; or choose a backup folder in Overview, and backups are then made by themselves.</source>
        <translation>{backup_now}; eller vælg en mappe til sikkerhedskopier i Overblik, så tages sikkerhedskopierne af sig selv.</translation>
    </message>
    <message>
        <source>I &amp;understand that a lost passphrase cannot be recovered</source>
        <translation>Jeg &amp;forstår, at en glemt adgangskode ikke kan gendannes</translation>
    </message>
    <message>
        <source>Keep the passphrase safe</source>
        <translation>Pas godt på adgangskoden</translation>
    </message>
</context>
<context>
    <name>SettingsSection</name>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source> years after closing</source>
        <translation> år efter afslutning</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>G&amp;em indstillinger</translation>
    </message>
    <message>
        <source>The vault locks itself when nobody has used the keyboard or mouse for this long.</source>
        <translation>Boksen låser sig selv, når ingen har brugt tastatur eller mus så længe.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>&amp;Lås efter:</translation>
    </message>
    <message>
        <source>&amp;Keep closed cases:</source>
        <translation>Gem &amp;afsluttede sager:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Tag sikkerhedskopi nu…</translation>
    </message>
    <message>
        <source>&amp;Restore backup…</source>
        <translation>Gen&amp;dan sikkerhedskopi…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sikkerhedskopier</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gemt.</translation>
    </message>
</context>
<context>
    <name>SmtpDialog</name>
    <message>
        <source>Mail server (SMTP)</source>
        <translation>Mailserver (SMTP)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (port 465)</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s certificates</source>
        <translation>Tom: systemets certifikater</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Gennemse…</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Encryption</source>
        <translation>&amp;Kryptering</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Brugernavn</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>A&amp;dgangskode</translation>
    </message>
    <message>
        <source>&amp;From address</source>
        <translation>&amp;Afsenderadresse</translation>
    </message>
    <message>
        <source>From na&amp;me</source>
        <translation>Afsender&amp;navn</translation>
    </message>
    <message>
        <source>&amp;CA file</source>
        <translation>&amp;CA-fil</translation>
    </message>
    <message>
        <source>Only encrypted connections. The password is stored in the vault.</source>
        <translation>Kun krypterede forbindelser. Adgangskoden gemmes i boksen.</translation>
    </message>
    <message>
        <source>Stored — leave empty to keep it</source>
        <translation>Gemt — lad feltet stå tomt for at beholde den</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-certifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certifikater (*.pem *.crt);;Alle filer (*)</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze follow-up {code}</source>
        <translation>Udsæt opfølgning {code}</translation>
    </message>
    <message>
        <source>Due {due}. It is hidden from the lists until the chosen day.</source>
        <translation>Dato {due}. Den skjules i listerne indtil den valgte dag.</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Til</translation>
    </message>
</context>
<context>
    <name>StatsSection</name>
    <message>
        <source>&amp;Team report…</source>
        <translation>&amp;Teamrapport…</translation>
    </message>
    <message>
        <source>Merge the consultants&apos; package files into one report</source>
        <translation>Flet konsulenternes pakkefiler til én rapport</translation>
    </message>
    <message>
        <source>New inquiries per month</source>
        <translation>Nye henvendelser pr. måned</translation>
    </message>
    <message>
        <source>New inquiries by region</source>
        <translation>Nye henvendelser pr. region</translation>
    </message>
    <message>
        <source>Share of children</source>
        <translation>Andel børn</translation>
    </message>
    <message>
        <source>Re-education trips and concerns in Denmark, by year</source>
        <translation>Genopdragelsesrejser og bekymringer i Danmark, pr. år</translation>
    </message>
    <message>
        <source>Inquiries by inquirer type</source>
        <translation>Henvendelser efter henvender</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>Rådgivning givet</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Pr. måned</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regioner</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Børn</translation>
    </message>
    <message>
        <source>Trips abroad</source>
        <translation>Udlandsrejser</translation>
    </message>
    <message>
        <source>Inquirers</source>
        <translation>Henvendere</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Rådgivning</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>Perioden slutter før den begynder.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Tæller…</translation>
    </message>
    <message>
        <source>{first} – {last}: &lt;b&gt;{inquiries}&lt;/b&gt; new inquiries · children: {children} · abroad: {abroad} · concern in Denmark: {concern} · courses open at the end: {courses}</source>
        <translation>{first} – {last}: &lt;b&gt;{inquiries}&lt;/b&gt; nye henvendelser · børn: {children} · i udlandet: {abroad} · bekymring i Danmark: {concern} · åbne forløb ved periodens udgang: {courses}</translation>
    </message>
    <message>
        <source>New inquiries</source>
        <translation>Nye henvendelser</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>Henvendelser</translation>
    </message>
    <message>
        <source>There are no counts from a year earlier to compare with.</source>
        <translation>Der er ingen tal fra et år tidligere at sammenligne med.</translation>
    </message>
    <message>
        <source>The share of children in {period} against the same months a year earlier ({previous}).</source>
        <translation>Andelen af børn i {period} mod de samme måneder et år tidligere ({previous}).</translation>
    </message>
    <message>
        <source>Abroad: the citizen is abroad (re-education trip or involuntary stay). Concern (DK): the citizen is in Denmark, with a concern about or threat of a trip. Every year up to the period&apos;s end.</source>
        <translation>Udlandet: borgeren er i udlandet (genopdragelsesrejse eller ufrivilligt ophold). Bekymring (DK): borgeren er i Danmark, med bekymring for eller trussel om rejse. Hvert år frem til periodens slutning.</translation>
    </message>
    <message>
        <source>An inquiry may have been given several kinds of advice, so these add up to more than the inquiries.</source>
        <translation>En henvendelse kan have fået flere slags rådgivning, så tallene summerer til mere end antallet af henvendelser.</translation>
    </message>
    <message>
        <source>Open courses: advisory courses still open at the end of the period.</source>
        <translation>Åbne forløb: rådgivningsforløb, der stadig var åbne ved periodens udgang.</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>Eksportér statistik</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Saved to {path}. The file is not encrypted.</source>
        <translation>Gemt: {path}. Filen er ikke krypteret.</translation>
    </message>
    <message>
        <source>The figures are exact: tick “Protect small numbers” before sharing outside the team.</source>
        <translation>Tallene er eksakte: sæt flueben ved “Beskyt små tal”, før filen deles uden for teamet.</translation>
    </message>
</context>
<context>
    <name>StatsTables</name>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>Henvendelser</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Børn</translation>
    </message>
    <message>
        <source>Abroad</source>
        <translation>Udlandet</translation>
    </message>
    <message>
        <source>Concern (DK)</source>
        <translation>Bekymring (DK)</translation>
    </message>
    <message>
        <source>Open courses at the end</source>
        <translation>Åbne forløb ved udgang</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Share of children</source>
        <translation>Andel børn</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Inquirer</source>
        <translation>Henvender</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>Rådgivning givet</translation>
    </message>
</context>
<context>
    <name>SubjectAccessDialog</name>
    <message>
        <source>Subject access (GDPR art. 15)</source>
        <translation>Indsigt (databeskyttelsesforordningens art. 15)</translation>
    </message>
    <message>
        <source>One file with everything the program holds about one citizen: the citizen, every inquiry about them with contacts, notes, follow-ups and risk assessments, and the access log of those records.</source>
        <translation>Én fil med alt, hvad programmet har registreret om én borger: borgeren, hver henvendelse om borgeren med kontakter, notater, opfølgninger og risikovurderinger, og adgangsloggen for disse oplysninger.</translation>
    </message>
    <message>
        <source>Readable text (.md): to read, print or hand over</source>
        <translation>Læsbar tekst (.md): til at læse, udskrive eller udlevere</translation>
    </message>
    <message>
        <source>JSON (.json): for another system or the record</source>
        <translation>JSON (.json): til et andet system eller til journalen</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file is NOT encrypted and holds personal data&lt;/b&gt;, which may be very sensitive. Save it only where it is safe, and delete it when it has been handed over. Before handing it over: check the citizen&apos;s identity, consider whether the request may be made under pressure from others, and go through the file, since it may mention other people.</source>
        <translation>&lt;b&gt;Filen er IKKE krypteret og indeholder personoplysninger&lt;/b&gt;, som kan være meget følsomme. Gem den kun et sikkert sted, og slet den, når den er udleveret. Før udlevering: kontrollér borgerens identitet, overvej om anmodningen kan være fremsat under pres fra andre, og gennemgå filen, da den kan nævne andre personer.</translation>
    </message>
    <message>
        <source>&amp;Save file…</source>
        <translation>&amp;Gem fil…</translation>
    </message>
    <message>
        <source>&amp;Citizen:</source>
        <translation>&amp;Borger:</translation>
    </message>
    <message>
        <source>Search by pseudonym, or type a case code (2024-00042)</source>
        <translation>Søg på pseudonym, eller skriv en sagskode (2024-00042)</translation>
    </message>
    <message>
        <source>Citizens found</source>
        <translation>Fundne borgere</translation>
    </message>
    <message>
        <source>&amp;Erase everything about the citizen…</source>
        <translation>&amp;Slet alt om borgeren…</translation>
    </message>
    <message>
        <source>No citizen has a pseudonym like that.</source>
        <translation>Ingen borger har et pseudonym som det.</translation>
    </message>
    <message>
        <source>{pseudonym} – no inquiries</source>
        <translation>{pseudonym} – ingen henvendelser</translation>
    </message>
    <message numerus="yes">
        <source>{pseudonym} – %n inquiry(ies): {cases}</source>
        <translation>
            <numerusform>{pseudonym} – %n henvendelse: {cases}</numerusform>
            <numerusform>{pseudonym} – %n henvendelser: {cases}</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Text (*.md *.txt)</source>
        <translation>Tekst (*.md *.txt)</translation>
    </message>
    <message>
        <source>Save subject access file</source>
        <translation>Gem indsigtsfil</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer …</translation>
    </message>
    <message>
        <source>Saved to {path}. Remember: the file is not encrypted.</source>
        <translation>Gemt i {path}. Husk: filen er ikke krypteret.</translation>
    </message>
</context>
<context>
    <name>SurveySection</name>
    <message>
        <source>Campaigns</source>
        <translation>Kampagner</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>&amp;Ny kampagne…</translation>
    </message>
    <message>
        <source>Mail &amp;server…</source>
        <translation>Mail&amp;server…</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <source>Responses and report</source>
        <translation>Svar og rapport</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Spørgeskema</translation>
    </message>
    <message>
        <source>No campaign yet</source>
        <translation>Ingen kampagne endnu</translation>
    </message>
    <message>
        <source>Create a campaign with the survey link from the agency: New campaign.</source>
        <translation>Opret en kampagne med spørgeskemalinket fra styrelsen: Ny kampagne.</translation>
    </message>
    <message>
        <source>Code {code} · period {start} – {end} · {sent} link(s) sent, {not_relevant} not relevant</source>
        <translation>Kode {code} · periode {start} – {end} · {sent} link sendt, {not_relevant} ikke relevante</translation>
    </message>
    <message>
        <source>Campaign {code} is created.</source>
        <translation>Kampagnen {code} er oprettet.</translation>
    </message>
    <message>
        <source>The mail server is saved.</source>
        <translation>Mailserveren er gemt.</translation>
    </message>
</context>
<context>
    <name>SyncSection</name>
    <message>
        <source>Packages in the outbox</source>
        <translation>Pakker i udbakken</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Forsøg</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Seneste fejl</translation>
    </message>
    <message>
        <source>The package as it is sent</source>
        <translation>Pakken, som den sendes</translation>
    </message>
    <message>
        <source>Choose a month to see the package that is sent.</source>
        <translation>Vælg en måned for at se den pakke, der sendes.</translation>
    </message>
    <message>
        <source>This is exactly what is sent to SIRI. It holds only counts: no names, no text and no dates finer than the month.</source>
        <translation>Dette er præcis, hvad der sendes til SIRI. Pakken indeholder kun optællinger: ingen navne, ingen tekst og ingen datoer mere præcise end måneden.</translation>
    </message>
    <message>
        <source>&amp;Refresh packages</source>
        <translation>&amp;Opdatér pakker</translation>
    </message>
    <message>
        <source>Queue a new version of each month whose counts changed</source>
        <translation>Læg en ny version i kø for hver måned, hvis tal har ændret sig</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Send nu</translation>
    </message>
    <message>
        <source>Send every waiting package to SIRI&apos;s receiver</source>
        <translation>Send alle ventende pakker til SIRIs modtager</translation>
    </message>
    <message>
        <source>Set &amp;up sync…</source>
        <translation>Sæt s&amp;ynkronisering op…</translation>
    </message>
    <message>
        <source>Sending is not set up yet. Choose “Set up sync…” and enter the receiver&apos;s address and the access token from SIRI.</source>
        <translation>Afsendelse er ikke sat op endnu. Vælg “Sæt synkronisering op…”, og indtast modtagerens adresse og adgangsnøglen fra SIRI.</translation>
    </message>
    <message>
        <source>Chan&amp;ge setup…</source>
        <translation>S&amp;kift opsætning…</translation>
    </message>
    <message>
        <source>the system&apos;s proxy settings</source>
        <translation>systemets proxyindstillinger</translation>
    </message>
    <message>
        <source>no proxy</source>
        <translation>ingen proxy</translation>
    </message>
    <message>
        <source>the system&apos;s certificates</source>
        <translation>systemets certifikater</translation>
    </message>
    <message>
        <source>Receiver: {endpoint} · Proxy: {proxy} · Trusts: {ca}</source>
        <translation>Modtager: {endpoint} · Proxy: {proxy} · Stoler på: {ca}</translation>
    </message>
    <message>
        <source>The sync setup was saved in the vault.</source>
        <translation>Opsætningen af synkronisering er gemt i boksen.</translation>
    </message>
    <message>
        <source>Sending %1 (%2 of %3)</source>
        <translation>Sender %1 (%2 af %3)</translation>
    </message>
    <message>
        <source>Sending packages to SIRI…</source>
        <translation>Sender pakker til SIRI…</translation>
    </message>
    <message>
        <source>What leaves this laptop: one package of counts per month.</source>
        <translation>Det, der forlader denne computer: én pakke med optællinger pr. måned.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>afventer</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sendt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fejlet</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>erstattet</translation>
    </message>
    <message>
        <source>The outbox is empty. “Refresh packages” builds the complete months.</source>
        <translation>Udbakken er tom. »Opdatér pakker« danner de afsluttede måneder.</translation>
    </message>
    <message>
        <source>{n} new package(s) queued.</source>
        <translation>{n} ny(e) pakke(r) lagt i kø.</translation>
    </message>
    <message>
        <source>No month has changed: nothing new to send.</source>
        <translation>Ingen måned er ændret: intet nyt at sende.</translation>
    </message>
    <message>
        <source>Stopped. {n} package(s) are still waiting.</source>
        <translation>Stoppet. {n} pakke(r) venter stadig.</translation>
    </message>
    <message>
        <source>{n} package(s) were refused by the receiver; see the last error.</source>
        <translation>{n} pakke(r) blev afvist af modtageren; se seneste fejl.</translation>
    </message>
    <message>
        <source>{n} package(s) sent.</source>
        <translation>{n} pakke(r) sendt.</translation>
    </message>
    <message>
        <source>The receiver refused the access token (401): it is unknown or withdrawn. Ask SIRI for a new one and paste it under “Change setup…”. {n} package(s) waiting.</source>
        <translation>Modtageren afviste adgangsnøglen (401): den er ukendt eller trukket tilbage. Bed SIRI om en ny, og indsæt den under “Skift opsætning…”. {n} pakke(r) venter.</translation>
    </message>
    <message>
        <source>The receiver&apos;s certificate could not be verified. Check the address and the CA file under “Change setup…” (“Test connection” says more). {n} package(s) waiting.</source>
        <translation>Modtagerens certifikat kunne ikke verificeres. Kontrollér adressen og CA-filen under “Skift opsætning…” (“Test forbindelse” siger mere). {n} pakke(r) venter.</translation>
    </message>
    <message>
        <source>Sending is not set up yet</source>
        <translation>Afsendelse er ikke sat op endnu</translation>
    </message>
</context>
<context>
    <name>SyncSetupDialog</name>
    <message>
        <source>Set up sync</source>
        <translation>Sæt synkronisering op</translation>
    </message>
    <message>
        <source>Stored in the vault: leave empty to keep it</source>
        <translation>Gemt i boksen: lad feltet stå tomt for at beholde den</translation>
    </message>
    <message>
        <source>Paste the access token from SIRI</source>
        <translation>Indsæt adgangsnøglen fra SIRI</translation>
    </message>
    <message>
        <source>Read from &amp;file…</source>
        <translation>Læs fra &amp;fil…</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s certificates</source>
        <translation>Tom: systemets certifikater</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Gennemse…</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>Systemets proxyindstillinger</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Ingen proxy</translation>
    </message>
    <message>
        <source>This proxy:</source>
        <translation>Denne proxy:</translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation>Proxyadresse</translation>
    </message>
    <message>
        <source>Receiver&apos;s &amp;address</source>
        <translation>Modtagerens &amp;adresse</translation>
    </message>
    <message>
        <source>Access &amp;token</source>
        <translation>Adgangs&amp;nøgle</translation>
    </message>
    <message>
        <source>&amp;CA file (PEM)</source>
        <translation>&amp;CA-fil (PEM)</translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation>&amp;Proxy</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>&amp;Test forbindelse</translation>
    </message>
    <message>
        <source>The address and the access token come from SIRI. The token is kept encrypted in the vault and is never shown again.</source>
        <translation>Adressen og adgangsnøglen får du fra SIRI. Nøglen gemmes krypteret i boksen og vises aldrig igen.</translation>
    </message>
    <message>
        <source>The access token from SIRI</source>
        <translation>Adgangsnøglen fra SIRI</translation>
    </message>
    <message>
        <source>The token is read from: {path}</source>
        <translation>Nøglen læses fra: {path}</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-certifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certifikater (*.pem *.crt *.cer);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Tester forbindelsen…</translation>
    </message>
    <message>
        <source>&amp;Stop test</source>
        <translation>&amp;Stop test</translation>
    </message>
    <message>
        <source>The connection works: the receiver answered and accepts the access token.</source>
        <translation>Forbindelsen virker: modtageren svarede og godkender adgangsnøglen.</translation>
    </message>
    <message>
        <source>The receiver&apos;s name was not found (DNS). Check the address, and that this computer is on the network.</source>
        <translation>Modtagerens navn blev ikke fundet (DNS). Kontrollér adressen, og at computeren er på netværket.</translation>
    </message>
    <message>
        <source>The connection was refused: nothing answers at that address and port. Check the address.</source>
        <translation>Forbindelsen blev afvist: intet svarer på den adresse og port. Kontrollér adressen.</translation>
    </message>
    <message>
        <source>No answer in time. The receiver or the network does not answer; perhaps a proxy is needed.</source>
        <translation>Intet svar i tide. Modtageren eller netværket svarer ikke; måske skal der bruges en proxy.</translation>
    </message>
    <message>
        <source>The receiver&apos;s certificate is not trusted: it is not from a known authority, or has expired. Choose the CA file from SIRI.</source>
        <translation>Modtagerens certifikat er ikke betroet: det er ikke udstedt af en kendt udsteder, eller det er udløbet. Vælg CA-filen fra SIRI.</translation>
    </message>
    <message>
        <source>The receiver&apos;s certificate is for another name than the address. Check the address.</source>
        <translation>Modtagerens certifikat gælder et andet navn end adressen. Kontrollér adressen.</translation>
    </message>
    <message>
        <source>No secure connection (TLS) could be made. Is this the receiver&apos;s https address?</source>
        <translation>Der kunne ikke oprettes en sikker forbindelse (TLS). Er det modtagerens https-adresse?</translation>
    </message>
    <message>
        <source>The receiver refused the access token (401): it is unknown or withdrawn. Ask SIRI for a new one.</source>
        <translation>Modtageren afviste adgangsnøglen (401): den er ukendt eller trukket tilbage. Bed SIRI om en ny.</translation>
    </message>
    <message>
        <source>This access token may not send packages (403): it is not a consultant&apos;s token. Contact SIRI.</source>
        <translation>Denne adgangsnøgle må ikke sende pakker (403): den er ikke en konsulents nøgle. Kontakt SIRI.</translation>
    </message>
    <message>
        <source>The receiver answers, but cannot receive right now (503). Try again later.</source>
        <translation>Modtageren svarer, men kan ikke modtage lige nu (503). Prøv igen senere.</translation>
    </message>
    <message>
        <source>Something answered at the address, but it is not SIRI&apos;s receiver (HTTP {status}). Check the address.</source>
        <translation>Noget svarede på adressen, men det er ikke SIRIs modtager (HTTP {status}). Kontrollér adressen.</translation>
    </message>
    <message>
        <source>The proxy could not be reached or refused the connection. Check the proxy setting.</source>
        <translation>Proxyen kunne ikke nås eller afviste forbindelsen. Kontrollér proxyindstillingen.</translation>
    </message>
    <message>
        <source>The connection failed. Try again, or contact your IT support.</source>
        <translation>Forbindelsen mislykkedes. Prøv igen, eller kontakt jeres IT-support.</translation>
    </message>
    <message>
        <source>The test was stopped.</source>
        <translation>Testen blev stoppet.</translation>
    </message>
    <message>
        <source>Close without saving the sync setup?</source>
        <translation>Luk uden at gemme opsætningen af synkronisering?</translation>
    </message>
</context>
<context>
    <name>TeamReportDialog</name>
    <message>
        <source>Team report</source>
        <translation>Teamrapport</translation>
    </message>
    <message>
        <source>Package files</source>
        <translation>Pakkefiler</translation>
    </message>
    <message>
        <source>&amp;Add package files…</source>
        <translation>&amp;Tilføj pakkefiler…</translation>
    </message>
    <message>
        <source>&amp;Remove chosen</source>
        <translation>&amp;Fjern valgte</translation>
    </message>
    <message>
        <source>Add the package files the consultants have sent (JSON).</source>
        <translation>Tilføj de pakkefiler, konsulenterne har sendt (JSON).</translation>
    </message>
    <message>
        <source>New inquiries per month, whole team</source>
        <translation>Nye henvendelser pr. måned, hele teamet</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Pr. måned</translation>
    </message>
    <message>
        <source>Packages used</source>
        <translation>Brugte pakker</translation>
    </message>
    <message>
        <source>&amp;Package files:</source>
        <translation>Pa&amp;kkefiler:</translation>
    </message>
    <message>
        <source>Choose package files</source>
        <translation>Vælg pakkefiler</translation>
    </message>
    <message>
        <source>Packages (*.json);;All files (*)</source>
        <translation>Pakker (*.json);;Alle filer (*)</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>Perioden slutter før den begynder.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fletter…</translation>
    </message>
    <message>
        <source>New inquiries</source>
        <translation>Nye henvendelser</translation>
    </message>
    <message>
        <source>{first} – {last}: &lt;b&gt;{inquiries}&lt;/b&gt; new inquiries from {packages} packages by {consultants} consultant(s).</source>
        <translation>{first} – {last}: &lt;b&gt;{inquiries}&lt;/b&gt; nye henvendelser fra {packages} pakker fra {consultants} konsulent(er).</translation>
    </message>
    <message>
        <source>{count} package(s) not counted: see “Packages used”.</source>
        <translation>{count} pakke(r) ikke talt med: se “Brugte pakker”.</translation>
    </message>
    <message>
        <source>Export team report</source>
        <translation>Eksportér teamrapport</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Saved to {path}. The file is not encrypted.</source>
        <translation>Gemt: {path}. Filen er ikke krypteret.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Inquiry received ({channel})</source>
        <translation>Henvendelse modtaget ({channel})</translation>
    </message>
    <message>
        <source>Contact with {who} ({channel})</source>
        <translation>Kontakt med {who} ({channel})</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>done</source>
        <translation>udført</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>forfalden</translation>
    </message>
    <message>
        <source>due</source>
        <translation>planlagt</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>udsat</translation>
    </message>
    <message>
        <source>Follow-up: {type} ({state})</source>
        <translation>Opfølgning: {type} ({state})</translation>
    </message>
    <message>
        <source>no judgement yet</source>
        <translation>ingen vurdering endnu</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>afsluttet</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>kladde</translation>
    </message>
    <message>
        <source>Risk assessment: {level} ({status})</source>
        <translation>Risikovurdering: {level} ({status})</translation>
    </message>
    <message>
        <source>Case closed: {reason}</source>
        <translation>Sagen lukket: {reason}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock vault</source>
        <translation>Lås boksen op</translation>
    </message>
    <message>
        <source>Security consultant</source>
        <translation>Sikkerhedskonsulent</translation>
    </message>
    <message>
        <source>Enter your passphrase to unlock your vault.</source>
        <translation>Skriv din adgangskode for at låse boksen op.</translation>
    </message>
    <message>
        <source>Vault:</source>
        <translation>Boks:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Lås &amp;op</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;fslut</translation>
    </message>
    <message>
        <source>&amp;Another vault</source>
        <translation>Anden &amp;boks</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Skriv adgangskoden.</translation>
    </message>
    <message>
        <source>Unlocking …</source>
        <translation>Låser op …</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries: wait %n second(s) before the next one.</source>
        <translation>
            <numerusform>For mange forkerte forsøg: vent %n sekund før næste forsøg.</numerusform>
            <numerusform>For mange forkerte forsøg: vent %n sekunder før næste forsøg.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultActions</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Tag sikkerhedskopi nu…</translation>
    </message>
    <message>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Gendan sikkerhedskopi…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Skift adgangs&amp;kode…</translation>
    </message>
    <message>
        <source>&amp;Open another vault…</source>
        <translation>Åbn &amp;en anden boks…</translation>
    </message>
    <message>
        <source>Lock this vault and open or create another</source>
        <translation>Lås denne boks, og åbn eller opret en anden</translation>
    </message>
</context>
<context>
    <name>VaultDialog</name>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Luk</translation>
    </message>
</context>
</TS>
