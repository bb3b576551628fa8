"""The words the demo data is made of: name parts, organisation names and case phrases.

Names are common first and last names in Denmark, combined at random, so no generated person
is anyone in particular. The phrases are written for the demo and name nobody.
"""

FIRST_NAMES = (
    "Anne", "Kirsten", "Mette", "Hanne", "Anna", "Helle", "Susanne", "Lene", "Maria", "Marianne",
    "Camilla", "Louise", "Charlotte", "Tina", "Gitte", "Karen", "Sofie", "Ida", "Emma", "Julie",
    "Laura", "Freja", "Cecilie", "Line", "Sara", "Maja", "Signe", "Nanna", "Rikke", "Trine",
    "Peter", "Michael", "Lars", "Jens", "Thomas", "Henrik", "Søren", "Christian", "Martin", "Jan",
    "Morten", "Jesper", "Anders", "Mads", "Rasmus", "Niels", "Kasper", "Jakob", "Mikkel", "Frederik",
    "Mathias", "Jonas", "Emil", "Oliver", "Lucas", "Ole", "Per", "Kim", "Hans", "Jørgen",
    "Mohammad", "Ali", "Ahmad", "Hassan", "Omar", "Yusuf", "Ibrahim", "Mustafa", "Hamza", "Emre",
    "Fatima", "Aisha", "Maryam", "Zainab", "Amina", "Yasmin", "Leyla", "Noor", "Aylin", "Elif",
)  # fmt: skip

LAST_NAMES = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
    "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Frederiksen", "Laursen",
    "Henriksen", "Lund", "Schmidt", "Eriksen", "Holm", "Clausen", "Simonsen", "Svendsen",
    "Østergaard", "Vestergaard", "Nissen", "Kjær", "Nørgaard", "Søndergaard", "Bach", "Iversen",
    "Ahmed", "Hussein", "Ali", "Khan", "Yilmaz", "Demir", "Kaya", "Abdi", "Mohamed", "Karimi",
)  # fmt: skip

MUNICIPAL_UNITS = {
    "beskaeftigelse": "Jobcenter",
    "boern_unge": "Børn og Unge",
    "voksne": "Voksenområdet",
    "skole": "Skoleafdelingen",
}

POLICE_DISTRICTS = {
    "hovedstaden": ("Københavns Politi", "Københavns Vestegns Politi", "Nordsjællands Politi"),
    "sjaelland": ("Midt- og Vestsjællands Politi", "Sydsjællands og Lolland-Falsters Politi"),
    "syddanmark": ("Fyns Politi", "Syd- og Sønderjyllands Politi", "Sydøstjyllands Politi"),
    "midtjylland": ("Østjyllands Politi", "Midt- og Vestjyllands Politi"),
    "nordjylland": ("Nordjyllands Politi",),
}

# `{town}` is the professional's municipality; no name points at a real person.
ORGANISATIONS = {
    "krisecenter": ("Krisecenter {town}", "Kvindecenter {town}", "Ungekrisecenter {town}"),
    "skole": (
        "{town} Gymnasium",
        "Nørreskolen, {town}",
        "Vesterskolen, {town}",
        "Skovskolen, {town}",
        "{town} Produktionsskole",
        "Sprogcenter {town}",
    ),
    "civilsamfund": (
        "Ungerådgivningen {town}",
        "Boligsocial helhedsplan, {town}",
        "Frivilligcenter {town}",
        "Rådgivning for etniske minoriteter, {town}",
    ),
    "andet": ("Lægehuset {town}", "Sundhedsplejen, {town}", "Tandplejen {town}", "Familieretshuset"),
}

OTHER_INQUIRERS = (
    "Sundhedsplejerske",
    "Praktiserende læge",
    "Tandlæge",
    "Boligsocial medarbejder",
    "Advokat",
    "Fritidsklub",
)

INQUIRY_NOTES = (
    "Ung kvinde frygter at blive giftet bort i sommerferien.",
    "Skolen har set, at eleven ikke må deltage i lejrskole og fritidsaktiviteter.",
    "Familien kontrollerer telefon og sociale medier; borgeren må ikke se venner.",
    "Borgeren er flyttet på krisecenter og modtager trusler fra familienetværket.",
    "Bekymring for, at barnet sendes på et længere ophold i udlandet.",
    "Sagsbehandler ønsker sparring om underretning og samarbejde med politiet.",
    "Borgeren har brudt med familien og søger hjælp til bolig og sikkerhed.",
    "Ægtefællen truer med at tage børnene med til udlandet.",
    "Borgeren er under pres fra den udvidede familie om ægteskab.",
    "Politiet ønsker en vurdering af trusselsbilledet før en afhøring.",
    "Søskende følger borgeren til og fra skole og rapporterer hjem.",
    "Borgeren er ikke vendt tilbage efter ferien i udlandet.",
)

CONTACT_SUMMARIES = (
    "Drøftelse af sikkerhedsplan og næste skridt.",
    "Status på sagen; kommunen følger op med familien.",
    "Koordinering mellem kommune og politi.",
    "Sparring om risikovurdering.",
    "Aftale om fælles møde med borgeren.",
    "Opfølgning på indsatser fra seneste møde.",
    "Kontakt til Udenrigsministeriet om borgerens situation.",
    "Ingen nye oplysninger; ny kontakt aftalt om to uger.",
)

CASE_NOTES = (
    "Borgeren oplever fortsat kontrol, men er mindre bange end før.",
    "Aftalt, at skolen holder øje med fravær og giver besked ved bekymring.",
    "Krisecenteret har fundet en midlertidig plads.",
    "Ny oplysning om en planlagt rejse; politiet er orienteret.",
    "Sagen er drøftet anonymt; rådgiveren vender tilbage ved nye oplysninger.",
    "Borgeren ønsker ikke kontakt til familien; sikkerhedsplanen er gennemgået.",
    "Kommunen har sat en børnefaglig undersøgelse i gang.",
    "Borgeren har fået navne- og adressebeskyttelse.",
)

FOLLOW_UP_NOTES = (
    "Ring til sagsbehandler.",
    "Følg op på sikkerhedsplanen.",
    "Fælles møde med politiet.",
    "Tjek status på rejsen.",
    None,
)

RISK_SOURCES = (
    "Samtale med borgeren; oplysninger fra sagsbehandler og skole.",
    "Politiets oplysninger og tidligere underretninger.",
    "Oplysninger fra krisecenteret og borgerens egen beretning.",
)
RISK_MISSING = (
    "Ingen oplysninger fra familien; politiets vurdering afventes.",
    "Uklart, om der er planer om en rejse.",
    "Mangler oplysninger om tidligere voldsepisoder.",
)
RISK_PROTECTIVE = (
    "Borgeren har venner og en lærer, der støtter.",
    "Borgeren er motiveret for at tage imod hjælp.",
    "Stabil kontakt til sagsbehandler; borgeren kender sine muligheder.",
)
RISK_SCENARIOS = (
    "Eskalering, hvis familien opdager en kæreste.",
    "Borgeren sendes ud af landet i en ferie.",
    "Fysisk vold ved forsøg på at flytte hjemmefra.",
    "Pres om ægteskab ved familiebesøg.",
)
RISK_SHARED_WITH = ("Kommunens sagsbehandler", "Politiet", "Krisecenteret", "Sagsbehandler og politi")
RISK_SHARED_BASIS = (
    "Borgerens samtykke",
    "Underretningspligt (barn under 18 år)",
    "Nødvendigt for at afværge fare",
)
RISK_RATING_NOTES = ("Oplyst af borgeren.", "Bekræftet af skolen.", "Uafklaret.", "Flere episoder i år.")
RISK_MEASURES = (
    "Udarbejde sikkerhedsplan med borgeren",
    "Orientere politiet om trusselsbilledet",
    "Navne- og adressebeskyttelse",
    "Aftale kodeord til akut kontakt",
    "Underretning til kommunen",
    "Kontakt til Udenrigsministeriets Borgerservice",
    "Pas og rejsedokumenter i sikkerhed",
    "Fast kontaktperson på skolen",
    "Ophold på krisecenter",
)
RISK_RESPONSIBLE = (
    "Kommunen (sagsbehandler)",
    "Politiet",
    "Sikkerhedskonsulenten",
    "Krisecenteret",
    "Skolen",
    "Udenrigsministeriet",
)
