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
    <name>MainWindow</name>
    <message>
        <source>Security consultant</source>
        <translation>Sikkerhedskonsulent</translation>
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
        <source>Vault</source>
        <translation>Boks</translation>
    </message>
    <message>
        <source>Team: {team}</source>
        <translation>Team: {team}</translation>
    </message>
    <message>
        <source>The vault is open. Lock it with {shortcut} whenever you leave the computer.</source>
        <translation>Boksen er åben. Lås den med {shortcut}, hver gang du går fra computeren.</translation>
    </message>
</context>
<context>
    <name>MissingVaultDialog</name>
    <message>
        <source>No vault yet</source>
        <translation>Ingen boks endnu</translation>
    </message>
    <message>
        <source>There is no vault on this computer yet.</source>
        <translation>Der er endnu ingen boks på denne computer.</translation>
    </message>
    <message>
        <source>Create it in a terminal (Command Prompt on Windows) with the command below. It asks for a passphrase of at least {n} characters; a sentence of several words is easiest to remember. Then choose Check again.</source>
        <translation>Opret den i en terminal (Kommandoprompt på Windows) med kommandoen herunder. Den beder om en adgangskode på mindst {n} tegn; en sætning af flere ord er nemmest at huske. Vælg derefter Prøv igen.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiér</translation>
    </message>
    <message>
        <source>The team is one of: {teams}.
The vault will be saved as {path}</source>
        <translation>Team er et af: {teams}.
Boksen gemmes som {path}</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Prøv &amp;igen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>There is still no vault. Run the command above first.</source>
        <translation>Der er stadig ingen boks. Kør først kommandoen ovenfor.</translation>
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
        <source>Enter the passphrase.</source>
        <translation>Skriv adgangskoden.</translation>
    </message>
    <message>
        <source>Unlocking …</source>
        <translation>Låser op …</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}). The details are in the log.</source>
        <translation>Uventet fejl ({kind}). Detaljerne står i loggen.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries: wait %n second(s) before the next one.</source>
        <translation>
            <numerusform>For mange forkerte forsøg: vent %n sekund før næste forsøg.</numerusform>
            <numerusform>For mange forkerte forsøg: vent %n sekunder før næste forsøg.</numerusform>
        </translation>
    </message>
</context>
</TS>
