#include "service/render/teksten.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>

namespace ido::service::teksten {
namespace {

using Tabel = std::map<std::string_view, std::string_view>;

// Dutch at B1 level is the source; the other tables say the same in plain, short sentences. Keep the
// words of the keys the widget also shows (zoek.*, filter.*, status.*, dienst.*, alternatieven.*)
// exactly as in web-widget/src/teksten.js and talen/*.js. ar, tr, pl and uk were NOT reviewed by
// native speakers yet (docs/talen.md). In Arabic, postcodes and phone numbers inside a sentence are
// wrapped in U+2066 … U+2069 (a left-to-right isolate) so they keep their order.
// Calendar keys: dag.0 = Sunday; formaat.* place the parts as Intl.DateTimeFormat does in the widget.
const Tabel nl{
    {"taal.keuze", "Taal"},
    {"kop.naar_inhoud", "Naar de inhoud"},
    {"kop.naar_zoekfunctie", "Naar de zoekfunctie"},
    {"kop.merk", "Informatiepunt Digitale Overheid"},
    {"voet.over", "Over deze website"},
    {"voet.privacy", "Deze website gebruikt geen cookies en slaat niets van u op. Uw locatie wordt alleen gebruikt als u op „Gebruik mijn locatie” drukt, en alleen om de dichtstbijzijnde informatiepunten te zoeken."},
    {"voet.voorbeelden", "Sommige informatiepunten zijn een voorbeeld en bestaan niet echt. Zij hebben het label „Voorbeeld, geen echte locatie”. De officiële lijst van alle informatiepunten staat niet als open data online."},
    {"voet.gemeenten", "Voor gemeenten en bibliotheken"},
    {"voet.insluiten", "Zet deze zoekfunctie op uw eigen website met één stukje code. Vervang GM0363 door de code van uw gemeente."},
    {"voet.iframe", "Of gebruik een iframe:"},
    {"voet.api", "De gegevens zijn ook beschikbaar via een open API:"},
    {"voet.api_link", "beschrijving van de API (OpenAPI)"},
    {"finder.titel", "Informatiepunt Digitale Overheid bij u in de buurt | ido-vinder"},
    {"finder.titel_zoek", "Informatiepunten bij {plek} | ido-vinder"},
    {"finder.beschrijving", "Vind een Informatiepunt Digitale Overheid bij u in de buurt. Daar helpen ze u gratis met DigiD, toeslagen, belastingen en andere zaken van de overheid."},
    {"finder.h1", "Gratis hulp bij de digitale overheid"},
    {"finder.inleiding", "Moet u iets regelen met DigiD, de Belastingdienst, toeslagen of uw gemeente, en lukt dat niet goed op de computer of telefoon? Bij een Informatiepunt Digitale Overheid helpen ze u. Meestal in de bibliotheek. Het is gratis en u hoeft geen lid te zijn."},
    {"embed.titel", "Informatiepunten Digitale Overheid"},
    {"embed.titel_gemeente", "Informatiepunten Digitale Overheid in {gemeente}"},
    {"embed.beschrijving", "Informatiepunten Digitale Overheid: gratis hulp bij DigiD, toeslagen, belastingen en andere zaken van de overheid."},
    {"embed.beschrijving_gemeente", "Informatiepunten Digitale Overheid in {gemeente}: gratis hulp bij DigiD, toeslagen, belastingen en andere zaken van de overheid."},
    {"widget.titel", "Hulp bij de digitale overheid"},
    {"widget.titel_gemeente", "Hulp bij de digitale overheid in {gemeente}"},
    {"zoek.label", "Uw postcode of woonplaats"},
    {"zoek.hint", "Bijvoorbeeld 3511 AB of Utrecht"},
    {"zoek.knop", "Zoeken"},
    {"filter.label", "Filters"},
    {"filter.nu_open", "Alleen wat nu open is"},
    {"filter.dienst", "Hulp bij"},
    {"filter.alle", "Alles"},
    {"locatie.knop", "Gebruik mijn locatie"},
    {"finder.begin", "Typ uw postcode of woonplaats. U ziet dan de informatiepunten bij u in de buurt."},
    {"finder.geen_resultaat_tip", "Zet de filters uit of zoek op een andere plek."},
    {"finder.lijst", "Informatiepunten"},
    {"aantal.geen", "Geen informatiepunten gevonden."},
    {"aantal.een", "1 informatiepunt gevonden."},
    {"aantal.veel", "{n} informatiepunten gevonden."},
    {"aantal_bij.geen", "Geen informatiepunten gevonden bij {plek}."},
    {"aantal_bij.een", "1 informatiepunt gevonden bij {plek}."},
    {"aantal_bij.veel", "{n} informatiepunten gevonden bij {plek}, dichtstbijzijnde eerst."},
    {"aantal_in.geen", "Geen informatiepunten gevonden in {gemeente}."},
    {"aantal_in.een", "1 informatiepunt in {gemeente}."},
    {"aantal_in.veel", "{n} informatiepunten in {gemeente}."},
    {"label.voorbeeld", "Voorbeeld, geen echte locatie"},
    {"label.niet_bevestigd", "Niet bevestigd"},
    {"item.slots", "Volgende spreekuren:"},
    {"route", "Route plannen"},
    {"route.naar", "naar {naam}"},
    {"melding.kandidaten", "Er zijn meer plaatsen met de naam „{zoek}”. Welke bedoelt u?"},
    {"melding.niet_gevonden", "We kunnen „{zoek}” niet vinden. Controleer de spelling of typ uw postcode, bijvoorbeeld 3511 AB."},
    {"melding.dienst", "Deze soort hulp kennen we niet. Kies bij „Hulp bij” een andere keuze, of „Alles”."},
    {"melding.gemeente", "Deze gemeente kennen we niet. Controleer de code van de gemeente in het adres van deze pagina."},
    {"melding.algemeen", "Deze zoekvraag kunnen we niet beantwoorden. Typ uw postcode of woonplaats en druk op Zoeken."},
    {"melding.fout", "Het ophalen is niet gelukt. Probeer het later nog eens."},
    {"status.nu_open_tot", "Nu open tot {tijd}"},
    {"status.nu_open", "Nu open"},
    {"status.erbij_op_afspraak", " (op afspraak)"},
    {"status.gesloten_opent", "Gesloten – opent {wanneer}"},
    {"status.gesloten", "Gesloten"},
    {"status.op_afspraak", "Op afspraak"},
    {"status.onbekend", "Openingstijden onbekend"},
    {"tijd.vandaag", "vandaag"},
    {"tijd.morgen", "morgen"},
    {"afspraak.nodig", "U hebt een afspraak nodig."},
    {"afspraak.soms", "Voor sommige spreekuren hebt u een afspraak nodig."},
    {"afspraak.inloop", "U kunt zonder afspraak binnenlopen tijdens het spreekuur."},
    {"afspraak.onbekend", "Het is niet bekend of u een afspraak nodig hebt. Vraag het even na."},
    {"afstand", "{km} km"},
    {"getal.komma", ","},
    {"dienst.digid", "DigiD"},
    {"dienst.belastingdienst", "Belastingen"},
    {"dienst.toeslagen", "Toeslagen"},
    {"dienst.uwv", "Werk en uitkering (UWV)"},
    {"dienst.svb", "AOW en kinderbijslag (SVB)"},
    {"dienst.cjib", "Boetes (CJIB)"},
    {"dienst.cbr", "Rijbewijs (CBR)"},
    {"dienst.duo", "Studie (DUO)"},
    {"dienst.zorg", "Zorg (CAK, CIZ, zorgtoeslag)"},
    {"dienst.cak", "Eigen bijdrage zorg (CAK)"},
    {"dienst.ciz", "Indicatie voor zorg (CIZ)"},
    {"dienst.gemeente", "Uw gemeente"},
    {"dienst.mijnoverheid", "MijnOverheid"},
    {"dienst.zorgverzekering", "Zorgverzekering"},
    {"dienst.pensioen", "Pensioen"},
    {"dienst.rdw", "Auto en kenteken (RDW)"},
    {"dienst.computer", "Computer en telefoon"},
    {"dienst.digitale-vaardigheden", "Computer en telefoon"},
    {"dienst.overig", "Andere vragen"},
    {"alternatieven.kop.geen", "Geen informatiepunt gevonden"},
    {"alternatieven.kop.ver", "Geen informatiepunt dichtbij"},
    {"alternatieven.kop.dicht", "De komende 7 dagen geen spreekuur"},
    {"alternatieven.uitleg.geen", "We vinden hier geen informatiepunt. U kunt ook op een andere manier hulp krijgen."},
    {"alternatieven.uitleg.ver", "Het dichtstbijzijnde informatiepunt is meer dan 10 kilometer hier vandaan. U kunt ook op een andere manier hulp krijgen."},
    {"alternatieven.uitleg.dicht", "Deze informatiepunten hebben de komende 7 dagen geen spreekuur dat wij kennen. U kunt ook op een andere manier hulp krijgen."},
    {"alternatieven.bel", "Bel gratis met de DigiHulplijn:"},
    {"alternatieven.whatsapp", "Of stuur een WhatsApp-bericht naar hetzelfde nummer."},
    {"alternatieven.wat", "Zij helpen u met vragen over de digitale overheid, zoals DigiD, toeslagen en belastingen."},
    {"ip.titel", "{naam} | Informatiepunt Digitale Overheid"},
    {"ip.beschrijving", "Gratis hulp bij de digitale overheid bij {naam}{adres}. Spreekuren, adres en hoe u een afspraak maakt."},
    {"ip.terug", "Zoek een ander informatiepunt"},
    {"ip.ondertitel", "Informatiepunt Digitale Overheid: gratis hulp bij DigiD, toeslagen, belastingen en andere zaken van de overheid."},
    {"ip.voorbeeld_uitleg", "Dit informatiepunt is verzonnen om de website te testen. Ga er niet naartoe."},
    {"ip.onbevestigd_uitleg", "Dit is een echte bibliotheek. Of hier ook een informatiepunt is, is niet zeker. Neem eerst contact op."},
    {"ip.adres", "Adres"},
    {"ip.gemeente", "Gemeente {gemeente}"},
    {"ip.contact", "Contact"},
    {"ip.telefoon", "Telefoon"},
    {"ip.email", "E-mail"},
    {"ip.website", "Website"},
    {"ip.geen_contact", "Er zijn geen contactgegevens bekend."},
    {"ip.spreekuren", "Spreekuren deze week"},
    {"ip.geen_spreekuren", "Er zijn de komende 7 dagen geen spreekuren bekend. Neem contact op om te vragen wanneer u terecht kunt."},
    {"ip.tijden_onbekend", "De tijden zijn niet bekend. Neem contact op om te vragen wanneer u terecht kunt."},
    {"ip.spreekuren_caption", "Spreekuren in de komende 7 dagen"},
    {"ip.kolom_dag", "Dag"},
    {"ip.kolom_tijd", "Tijd"},
    {"ip.kolom_spreekuur", "Spreekuur"},
    {"ip.afspraak", "Afspraak maken"},
    {"ip.afspraak_hoe", "Maak een afspraak via de contactgegevens hierboven."},
    {"ip.diensten", "Hier helpen ze u met"},
    {"ip.gecontroleerd", "Laatst gecontroleerd op {datum}."},
    {"ip.niet_gecontroleerd", "Nog niet gecontroleerd."},
    {"ip.gecontroleerd_oud", "Dit is meer dan een jaar geleden gecontroleerd. Bel voor u gaat."},
    {"ip.meld", "Meld een fout in deze gegevens"},
    {"ip.meer", "Meer informatiepunten:"},
    {"niet_gevonden.titel", "Pagina niet gevonden | Informatiepunt Digitale Overheid"},
    {"niet_gevonden.kop", "Dit informatiepunt kennen we niet"},
    {"niet_gevonden.uitleg", "Misschien is het adres van deze pagina niet goed, of bestaat het informatiepunt niet meer."},
    {"niet_gevonden.link", "Zoek een informatiepunt bij u in de buurt"},
    {"dag.0", "zondag"}, {"dag.1", "maandag"}, {"dag.2", "dinsdag"}, {"dag.3", "woensdag"}, {"dag.4", "donderdag"}, {"dag.5", "vrijdag"}, {"dag.6", "zaterdag"},
    {"dagkort.0", "zo"}, {"dagkort.1", "ma"}, {"dagkort.2", "di"}, {"dagkort.3", "wo"}, {"dagkort.4", "do"}, {"dagkort.5", "vr"}, {"dagkort.6", "za"},
    {"maand.1", "januari"}, {"maand.2", "februari"}, {"maand.3", "maart"}, {"maand.4", "april"}, {"maand.5", "mei"}, {"maand.6", "juni"},
    {"maand.7", "juli"}, {"maand.8", "augustus"}, {"maand.9", "september"}, {"maand.10", "oktober"}, {"maand.11", "november"}, {"maand.12", "december"},
    {"maandkort.1", "jan."}, {"maandkort.2", "feb."}, {"maandkort.3", "mrt."}, {"maandkort.4", "apr."}, {"maandkort.5", "mei"}, {"maandkort.6", "jun."},
    {"maandkort.7", "jul."}, {"maandkort.8", "aug."}, {"maandkort.9", "sep."}, {"maandkort.10", "okt."}, {"maandkort.11", "nov."}, {"maandkort.12", "dec."},
    {"formaat.lange_dag", "{dag} {d} {maand}"},
    {"formaat.dag_datum", "{dag} {d} {maand}"},
    {"formaat.datum", "{d} {maand} {jaar}"},
};

const Tabel en{
    {"taal.keuze", "Language"},
    {"kop.naar_inhoud", "Skip to content"},
    {"kop.naar_zoekfunctie", "Skip to the search"},
    {"kop.merk", "Information Point Digital Government"},
    {"voet.over", "About this website"},
    {"voet.privacy", "This website uses no cookies and stores nothing about you. Your location is only used when you press “Use my location”, and only to find the nearest information points."},
    {"voet.voorbeelden", "Some information points are examples and do not really exist. They have the label “Example, not a real location”. The official list of all information points is not online as open data."},
    {"voet.gemeenten", "For municipalities and libraries"},
    {"voet.insluiten", "Put this search on your own website with one piece of code. Replace GM0363 with the code of your municipality."},
    {"voet.iframe", "Or use an iframe:"},
    {"voet.api", "The data is also available through an open API:"},
    {"voet.api_link", "description of the API (OpenAPI)"},
    {"finder.titel", "Information Point Digital Government near you | ido-vinder"},
    {"finder.titel_zoek", "Information points near {plek} | ido-vinder"},
    {"finder.beschrijving", "Find an Information Point Digital Government near you. They help you for free with DigiD, benefits, taxes and other government matters."},
    {"finder.h1", "Free help with digital government"},
    {"finder.inleiding", "Do you need to arrange something with DigiD, the tax office, benefits or your municipality, and is it hard to do on a computer or phone? An Information Point Digital Government can help you. Usually in the library. It is free and you do not need to be a member."},
    {"embed.titel", "Information Points Digital Government"},
    {"embed.titel_gemeente", "Information Points Digital Government in {gemeente}"},
    {"embed.beschrijving", "Information Points Digital Government: free help with DigiD, benefits, taxes and other government matters."},
    {"embed.beschrijving_gemeente", "Information Points Digital Government in {gemeente}: free help with DigiD, benefits, taxes and other government matters."},
    {"widget.titel", "Help with digital government"},
    {"widget.titel_gemeente", "Help with digital government in {gemeente}"},
    {"zoek.label", "Your postcode or town"},
    {"zoek.hint", "For example 3511 AB or Utrecht"},
    {"zoek.knop", "Search"},
    {"filter.label", "Filters"},
    {"filter.nu_open", "Open now only"},
    {"filter.dienst", "Help with"},
    {"filter.alle", "Everything"},
    {"locatie.knop", "Use my location"},
    {"finder.begin", "Type your postcode or town. You will then see the information points near you."},
    {"finder.geen_resultaat_tip", "Turn off the filters or search in another place."},
    {"finder.lijst", "Information points"},
    {"aantal.geen", "No information points found."},
    {"aantal.een", "1 information point found."},
    {"aantal.veel", "{n} information points found."},
    {"aantal_bij.geen", "No information points found near {plek}."},
    {"aantal_bij.een", "1 information point found near {plek}."},
    {"aantal_bij.veel", "{n} information points found near {plek}, nearest first."},
    {"aantal_in.geen", "No information points found in {gemeente}."},
    {"aantal_in.een", "1 information point in {gemeente}."},
    {"aantal_in.veel", "{n} information points in {gemeente}."},
    {"label.voorbeeld", "Example, not a real location"},
    {"label.niet_bevestigd", "Not confirmed"},
    {"item.slots", "Next opening times:"},
    {"route", "Plan a route"},
    {"route.naar", "to {naam}"},
    {"melding.kandidaten", "There is more than one place called “{zoek}”. Which one do you mean?"},
    {"melding.niet_gevonden", "We cannot find “{zoek}”. Check the spelling or type your postcode, for example 3511 AB."},
    {"melding.dienst", "We do not know this kind of help. Choose another option at “Help with”, or “Everything”."},
    {"melding.gemeente", "We do not know this municipality. Check the municipality code in the address of this page."},
    {"melding.algemeen", "We cannot answer this search. Type your postcode or town and press Search."},
    {"melding.fout", "Loading failed. Please try again later."},
    {"status.nu_open_tot", "Open now until {tijd}"},
    {"status.nu_open", "Open now"},
    {"status.erbij_op_afspraak", " (by appointment)"},
    {"status.gesloten_opent", "Closed – opens {wanneer}"},
    {"status.gesloten", "Closed"},
    {"status.op_afspraak", "By appointment"},
    {"status.onbekend", "Opening hours unknown"},
    {"tijd.vandaag", "today"},
    {"tijd.morgen", "tomorrow"},
    {"afspraak.nodig", "You need an appointment."},
    {"afspraak.soms", "Some sessions need an appointment."},
    {"afspraak.inloop", "You can walk in without an appointment during opening times."},
    {"afspraak.onbekend", "It is not known whether you need an appointment. Please ask first."},
    {"afstand", "{km} km"},
    {"getal.komma", "."},
    {"dienst.digid", "DigiD"},
    {"dienst.belastingdienst", "Taxes"},
    {"dienst.toeslagen", "Benefits and allowances (toeslagen)"},
    {"dienst.uwv", "Work and benefits (UWV)"},
    {"dienst.svb", "State pension and child benefit (SVB)"},
    {"dienst.cjib", "Fines (CJIB)"},
    {"dienst.cbr", "Driving licence (CBR)"},
    {"dienst.duo", "Student finance (DUO)"},
    {"dienst.zorg", "Care (CAK, CIZ)"},
    {"dienst.cak", "Personal contribution to care (CAK)"},
    {"dienst.ciz", "Care assessment (CIZ)"},
    {"dienst.gemeente", "Your municipality"},
    {"dienst.mijnoverheid", "MijnOverheid"},
    {"dienst.zorgverzekering", "Health insurance"},
    {"dienst.pensioen", "Pension"},
    {"dienst.rdw", "Car and registration (RDW)"},
    {"dienst.computer", "Computer and phone"},
    {"dienst.digitale-vaardigheden", "Computer and phone"},
    {"dienst.overig", "Other questions"},
    {"alternatieven.kop.geen", "No information point found"},
    {"alternatieven.kop.ver", "No information point nearby"},
    {"alternatieven.kop.dicht", "No opening hours in the next 7 days"},
    {"alternatieven.uitleg.geen", "We cannot find an information point here. You can also get help in another way."},
    {"alternatieven.uitleg.ver", "The nearest information point is more than 10 kilometres away. You can also get help in another way."},
    {"alternatieven.uitleg.dicht", "These information points have no opening hours that we know of in the next 7 days. You can also get help in another way."},
    {"alternatieven.bel", "Call the DigiHulplijn for free:"},
    {"alternatieven.whatsapp", "Or send a WhatsApp message to the same number."},
    {"alternatieven.wat", "They help with questions about digital government, such as DigiD, benefits and taxes."},
    {"ip.titel", "{naam} | Information Point Digital Government"},
    {"ip.beschrijving", "Free help with digital government at {naam}{adres}. Opening times, address and how to make an appointment."},
    {"ip.terug", "Find another information point"},
    {"ip.ondertitel", "Information Point Digital Government: free help with DigiD, benefits, taxes and other government matters."},
    {"ip.voorbeeld_uitleg", "This information point was made up to test the website. Do not go there."},
    {"ip.onbevestigd_uitleg", "This is a real library. It is not certain that it has an information point. Get in touch first."},
    {"ip.adres", "Address"},
    {"ip.gemeente", "Municipality {gemeente}"},
    {"ip.contact", "Contact"},
    {"ip.telefoon", "Phone"},
    {"ip.email", "Email"},
    {"ip.website", "Website"},
    {"ip.geen_contact", "No contact details are known."},
    {"ip.spreekuren", "Opening times this week"},
    {"ip.geen_spreekuren", "No opening times are known for the next 7 days. Get in touch to ask when you can come."},
    {"ip.tijden_onbekend", "The opening times are not known. Get in touch to ask when you can come."},
    {"ip.spreekuren_caption", "Opening times in the next 7 days"},
    {"ip.kolom_dag", "Day"},
    {"ip.kolom_tijd", "Time"},
    {"ip.kolom_spreekuur", "Session"},
    {"ip.afspraak", "Making an appointment"},
    {"ip.afspraak_hoe", "Make an appointment using the contact details above."},
    {"ip.diensten", "They can help you with"},
    {"ip.gecontroleerd", "Last checked on {datum}."},
    {"ip.niet_gecontroleerd", "Not checked yet."},
    {"ip.gecontroleerd_oud", "That was more than a year ago. Call before you go."},
    {"ip.meld", "Report a mistake in this information"},
    {"ip.meer", "More information points:"},
    {"niet_gevonden.titel", "Page not found | Information Point Digital Government"},
    {"niet_gevonden.kop", "We do not know this information point"},
    {"niet_gevonden.uitleg", "Perhaps the address of this page is wrong, or the information point no longer exists."},
    {"niet_gevonden.link", "Find an information point near you"},
    {"dag.0", "Sunday"}, {"dag.1", "Monday"}, {"dag.2", "Tuesday"}, {"dag.3", "Wednesday"}, {"dag.4", "Thursday"}, {"dag.5", "Friday"}, {"dag.6", "Saturday"},
    {"dagkort.0", "Sun"}, {"dagkort.1", "Mon"}, {"dagkort.2", "Tue"}, {"dagkort.3", "Wed"}, {"dagkort.4", "Thu"}, {"dagkort.5", "Fri"}, {"dagkort.6", "Sat"},
    {"maand.1", "January"}, {"maand.2", "February"}, {"maand.3", "March"}, {"maand.4", "April"}, {"maand.5", "May"}, {"maand.6", "June"},
    {"maand.7", "July"}, {"maand.8", "August"}, {"maand.9", "September"}, {"maand.10", "October"}, {"maand.11", "November"}, {"maand.12", "December"},
    {"maandkort.1", "Jan"}, {"maandkort.2", "Feb"}, {"maandkort.3", "Mar"}, {"maandkort.4", "Apr"}, {"maandkort.5", "May"}, {"maandkort.6", "Jun"},
    {"maandkort.7", "Jul"}, {"maandkort.8", "Aug"}, {"maandkort.9", "Sept"}, {"maandkort.10", "Oct"}, {"maandkort.11", "Nov"}, {"maandkort.12", "Dec"},
    {"formaat.lange_dag", "{dag} {d} {maand}"},
    {"formaat.dag_datum", "{dag} {d} {maand}"},
    {"formaat.datum", "{d} {maand} {jaar}"},
};

const Tabel ar{
    {"taal.keuze", "اللغة"},
    {"kop.naar_inhoud", "انتقل إلى المحتوى"},
    {"kop.naar_zoekfunctie", "انتقل إلى البحث"},
    {"kop.merk", "نقطة المعلومات للحكومة الرقمية"},
    {"voet.over", "عن هذا الموقع"},
    {"voet.privacy", "هذا الموقع لا يستخدم ملفات تعريف الارتباط (cookies) ولا يحفظ شيئاً عنك. يُستخدم موقعك فقط إذا ضغطت على «استخدم موقعي»، وفقط للبحث عن أقرب نقاط المعلومات."},
    {"voet.voorbeelden", "بعض نقاط المعلومات أمثلة وغير موجودة فعلاً. عليها علامة «مثال، ليس مكاناً حقيقياً». القائمة الرسمية لكل نقاط المعلومات غير منشورة كبيانات مفتوحة."},
    {"voet.gemeenten", "للبلديات والمكتبات"},
    {"voet.insluiten", "ضع أداة البحث هذه على موقعك بقطعة واحدة من الكود. استبدل \u2066GM0363\u2069 برمز بلديتك."},
    {"voet.iframe", "أو استخدم iframe:"},
    {"voet.api", "البيانات متاحة أيضاً عبر واجهة برمجة مفتوحة (API):"},
    {"voet.api_link", "وصف الواجهة (OpenAPI)"},
    {"finder.titel", "نقطة المعلومات للحكومة الرقمية قريباً منك | ido-vinder"},
    {"finder.titel_zoek", "نقاط المعلومات قرب {plek} | ido-vinder"},
    {"finder.beschrijving", "ابحث عن نقطة معلومات للحكومة الرقمية قريبة منك. هناك يساعدونك مجاناً في DigiD والإعانات والضرائب وأمور حكومية أخرى."},
    {"finder.h1", "مساعدة مجانية في الخدمات الحكومية الرقمية"},
    {"finder.inleiding", "هل عليك أن تنجز شيئاً مع DigiD أو مصلحة الضرائب أو الإعانات أو البلدية، ولا تنجح في ذلك على الكمبيوتر أو الهاتف؟ في نقطة المعلومات للحكومة الرقمية يساعدونك. غالباً في المكتبة. المساعدة مجانية ولا تحتاج إلى عضوية."},
    {"embed.titel", "نقاط المعلومات للحكومة الرقمية"},
    {"embed.titel_gemeente", "نقاط المعلومات للحكومة الرقمية في {gemeente}"},
    {"embed.beschrijving", "نقاط المعلومات للحكومة الرقمية: مساعدة مجانية في DigiD والإعانات والضرائب وأمور حكومية أخرى."},
    {"embed.beschrijving_gemeente", "نقاط المعلومات للحكومة الرقمية في {gemeente}: مساعدة مجانية في DigiD والإعانات والضرائب وأمور حكومية أخرى."},
    {"widget.titel", "مساعدة في الخدمات الحكومية الرقمية"},
    {"widget.titel_gemeente", "مساعدة في الخدمات الحكومية الرقمية في {gemeente}"},
    {"zoek.label", "الرمز البريدي أو اسم المدينة"},
    {"zoek.hint", "مثلاً \u20663511 AB\u2069 أو Utrecht"},
    {"zoek.knop", "بحث"},
    {"filter.label", "تصفية"},
    {"filter.nu_open", "المفتوح الآن فقط"},
    {"filter.dienst", "مساعدة في"},
    {"filter.alle", "الكل"},
    {"locatie.knop", "استخدم موقعي"},
    {"finder.begin", "اكتب الرمز البريدي أو اسم المدينة. سترى بعدها نقاط المعلومات القريبة منك."},
    {"finder.geen_resultaat_tip", "أوقف التصفية أو ابحث في مكان آخر."},
    {"finder.lijst", "نقاط المعلومات"},
    {"aantal.geen", "لم نجد نقاط معلومات."},
    {"aantal.een", "وجدنا نقطة معلومات واحدة."},
    {"aantal.veel", "وجدنا {n} نقاط معلومات."},
    {"aantal_bij.geen", "لم نجد نقاط معلومات قرب {plek}."},
    {"aantal_bij.een", "وجدنا نقطة معلومات واحدة قرب {plek}."},
    {"aantal_bij.veel", "وجدنا {n} نقاط معلومات قرب {plek}، الأقرب أولاً."},
    {"aantal_in.geen", "لم نجد نقاط معلومات في {gemeente}."},
    {"aantal_in.een", "نقطة معلومات واحدة في {gemeente}."},
    {"aantal_in.veel", "{n} نقاط معلومات في {gemeente}."},
    {"label.voorbeeld", "مثال، ليس مكاناً حقيقياً"},
    {"label.niet_bevestigd", "غير مؤكد"},
    {"item.slots", "أوقات الاستقبال القادمة:"},
    {"route", "تخطيط الطريق"},
    {"route.naar", "إلى {naam}"},
    {"melding.kandidaten", "يوجد أكثر من مكان باسم «{zoek}». أي مكان تقصد؟"},
    {"melding.niet_gevonden", "لا نجد «{zoek}». تأكد من الكتابة أو اكتب الرمز البريدي، مثلاً \u20663511 AB\u2069."},
    {"melding.dienst", "لا نعرف هذا النوع من المساعدة. اختر شيئاً آخر في «مساعدة في»، أو «الكل»."},
    {"melding.gemeente", "لا نعرف هذه البلدية. تأكد من رمز البلدية في عنوان هذه الصفحة."},
    {"melding.algemeen", "لا نستطيع الإجابة عن هذا البحث. اكتب الرمز البريدي أو اسم المدينة واضغط على بحث."},
    {"melding.fout", "لم ينجح التحميل. حاول مرة أخرى لاحقاً."},
    {"status.nu_open_tot", "مفتوح الآن حتى {tijd}"},
    {"status.nu_open", "مفتوح الآن"},
    {"status.erbij_op_afspraak", " (بموعد)"},
    {"status.gesloten_opent", "مغلق – يفتح {wanneer}"},
    {"status.gesloten", "مغلق"},
    {"status.op_afspraak", "بموعد"},
    {"status.onbekend", "أوقات العمل غير معروفة"},
    {"tijd.vandaag", "اليوم"},
    {"tijd.morgen", "غداً"},
    {"afspraak.nodig", "تحتاج إلى موعد."},
    {"afspraak.soms", "بعض أوقات الاستقبال تحتاج إلى موعد."},
    {"afspraak.inloop", "يمكنك الدخول بدون موعد خلال وقت الاستقبال."},
    {"afspraak.onbekend", "لا نعرف إن كنت تحتاج إلى موعد. اسأل أولاً."},
    {"afstand", "{km} كم"},
    {"getal.komma", "."},
    {"dienst.digid", "DigiD"},
    {"dienst.belastingdienst", "الضرائب (Belastingdienst)"},
    {"dienst.toeslagen", "الإعانات: السكن والرعاية الصحية والأطفال (toeslagen)"},
    {"dienst.uwv", "العمل والمعونة (UWV)"},
    {"dienst.svb", "المعاش الحكومي وإعانة الأطفال (SVB)"},
    {"dienst.cjib", "الغرامات (CJIB)"},
    {"dienst.cbr", "رخصة القيادة (CBR)"},
    {"dienst.duo", "الدراسة (DUO)"},
    {"dienst.zorg", "الرعاية (CAK, CIZ)"},
    {"dienst.cak", "المساهمة في تكلفة الرعاية (CAK)"},
    {"dienst.ciz", "تقييم الحاجة إلى الرعاية (CIZ)"},
    {"dienst.gemeente", "بلديتك"},
    {"dienst.mijnoverheid", "MijnOverheid"},
    {"dienst.zorgverzekering", "التأمين الصحي"},
    {"dienst.pensioen", "المعاش التقاعدي"},
    {"dienst.rdw", "السيارة ولوحة التسجيل (RDW)"},
    {"dienst.computer", "الكمبيوتر والهاتف"},
    {"dienst.digitale-vaardigheden", "الكمبيوتر والهاتف"},
    {"dienst.overig", "أسئلة أخرى"},
    {"alternatieven.kop.geen", "لم نجد نقطة معلومات"},
    {"alternatieven.kop.ver", "لا توجد نقطة معلومات قريبة"},
    {"alternatieven.kop.dicht", "لا أوقات استقبال في الأيام السبعة القادمة"},
    {"alternatieven.uitleg.geen", "لا نجد نقطة معلومات هنا. يمكنك الحصول على المساعدة بطريقة أخرى أيضاً."},
    {"alternatieven.uitleg.ver", "أقرب نقطة معلومات تبعد أكثر من 10 كيلومترات. يمكنك الحصول على المساعدة بطريقة أخرى أيضاً."},
    {"alternatieven.uitleg.dicht", "نقاط المعلومات هذه ليس لها وقت استقبال نعرفه في الأيام السبعة القادمة. يمكنك الحصول على المساعدة بطريقة أخرى أيضاً."},
    {"alternatieven.bel", "اتصل مجاناً بخط المساعدة DigiHulplijn:"},
    {"alternatieven.whatsapp", "أو أرسل رسالة واتساب إلى الرقم نفسه."},
    {"alternatieven.wat", "يساعدونك في أسئلة عن الحكومة الرقمية، مثل DigiD والإعانات والضرائب."},
    {"ip.titel", "{naam} | نقطة المعلومات للحكومة الرقمية"},
    {"ip.beschrijving", "مساعدة مجانية في الخدمات الحكومية الرقمية في {naam}{adres}. أوقات الاستقبال والعنوان وكيف تحجز موعداً."},
    {"ip.terug", "ابحث عن نقطة معلومات أخرى"},
    {"ip.ondertitel", "نقطة المعلومات للحكومة الرقمية: مساعدة مجانية في DigiD والإعانات والضرائب وأمور حكومية أخرى."},
    {"ip.voorbeeld_uitleg", "نقطة المعلومات هذه مخترعة لاختبار الموقع. لا تذهب إليها."},
    {"ip.onbevestigd_uitleg", "هذه مكتبة حقيقية. لكن ليس من المؤكد أن فيها نقطة معلومات. اتصل بهم أولاً."},
    {"ip.adres", "العنوان"},
    {"ip.gemeente", "البلدية: {gemeente}"},
    {"ip.contact", "الاتصال"},
    {"ip.telefoon", "الهاتف"},
    {"ip.email", "البريد الإلكتروني"},
    {"ip.website", "الموقع الإلكتروني"},
    {"ip.geen_contact", "لا توجد بيانات اتصال معروفة."},
    {"ip.spreekuren", "أوقات الاستقبال هذا الأسبوع"},
    {"ip.geen_spreekuren", "لا نعرف أوقات استقبال في الأيام السبعة القادمة. اتصل بهم لتسأل متى يمكنك الذهاب."},
    {"ip.tijden_onbekend", "الأوقات غير معروفة. اتصل بهم لتسأل متى يمكنك الذهاب."},
    {"ip.spreekuren_caption", "أوقات الاستقبال في الأيام السبعة القادمة"},
    {"ip.kolom_dag", "اليوم"},
    {"ip.kolom_tijd", "الوقت"},
    {"ip.kolom_spreekuur", "وقت الاستقبال"},
    {"ip.afspraak", "حجز موعد"},
    {"ip.afspraak_hoe", "احجز موعداً عبر بيانات الاتصال أعلاه."},
    {"ip.diensten", "يساعدونك هنا في"},
    {"ip.gecontroleerd", "آخر تحقق في {datum}."},
    {"ip.niet_gecontroleerd", "لم يتم التحقق بعد."},
    {"ip.gecontroleerd_oud", "كان ذلك قبل أكثر من سنة. ربما لم يعد كل شيء صحيحاً."},
    {"ip.meld", "أبلغ عن خطأ في هذه البيانات"},
    {"ip.meer", "نقاط معلومات أخرى:"},
    {"niet_gevonden.titel", "الصفحة غير موجودة | نقطة المعلومات للحكومة الرقمية"},
    {"niet_gevonden.kop", "لا نعرف نقطة المعلومات هذه"},
    {"niet_gevonden.uitleg", "ربما عنوان هذه الصفحة غير صحيح، أو أن نقطة المعلومات لم تعد موجودة."},
    {"niet_gevonden.link", "ابحث عن نقطة معلومات قريبة منك"},
    {"dag.0", "الأحد"}, {"dag.1", "الاثنين"}, {"dag.2", "الثلاثاء"}, {"dag.3", "الأربعاء"}, {"dag.4", "الخميس"}, {"dag.5", "الجمعة"}, {"dag.6", "السبت"},
    {"dagkort.0", "الأحد"}, {"dagkort.1", "الاثنين"}, {"dagkort.2", "الثلاثاء"}, {"dagkort.3", "الأربعاء"}, {"dagkort.4", "الخميس"}, {"dagkort.5", "الجمعة"}, {"dagkort.6", "السبت"},
    {"maand.1", "يناير"}, {"maand.2", "فبراير"}, {"maand.3", "مارس"}, {"maand.4", "أبريل"}, {"maand.5", "مايو"}, {"maand.6", "يونيو"},
    {"maand.7", "يوليو"}, {"maand.8", "أغسطس"}, {"maand.9", "سبتمبر"}, {"maand.10", "أكتوبر"}, {"maand.11", "نوفمبر"}, {"maand.12", "ديسمبر"},
    {"maandkort.1", "يناير"}, {"maandkort.2", "فبراير"}, {"maandkort.3", "مارس"}, {"maandkort.4", "أبريل"}, {"maandkort.5", "مايو"}, {"maandkort.6", "يونيو"},
    {"maandkort.7", "يوليو"}, {"maandkort.8", "أغسطس"}, {"maandkort.9", "سبتمبر"}, {"maandkort.10", "أكتوبر"}, {"maandkort.11", "نوفمبر"}, {"maandkort.12", "ديسمبر"},
    {"formaat.lange_dag", "{dag}، {d} {maand}"},
    {"formaat.dag_datum", "{dag}، {d} {maand}"},
    {"formaat.datum", "{d} {maand} {jaar}"},
};

const Tabel tr{
    {"taal.keuze", "Dil"},
    {"kop.naar_inhoud", "İçeriğe geç"},
    {"kop.naar_zoekfunctie", "Aramaya geç"},
    {"kop.merk", "Dijital Devlet Bilgi Noktası"},
    {"voet.over", "Bu web sitesi hakkında"},
    {"voet.privacy", "Bu web sitesi çerez kullanmaz ve sizinle ilgili hiçbir şey saklamaz. Konumunuz sadece „Konumumu kullan” düğmesine basarsanız kullanılır ve sadece en yakın bilgi noktalarını bulmak için."},
    {"voet.voorbeelden", "Bazı bilgi noktaları örnektir ve gerçekte yoktur. Bunlarda „Örnek, gerçek bir yer değil” etiketi vardır. Tüm bilgi noktalarının resmi listesi açık veri olarak internette yok."},
    {"voet.gemeenten", "Belediyeler ve kütüphaneler için"},
    {"voet.insluiten", "Bu aramayı tek bir kod parçasıyla kendi web sitenize koyun. GM0363 yerine belediyenizin kodunu yazın."},
    {"voet.iframe", "Ya da bir iframe kullanın:"},
    {"voet.api", "Veriler açık bir API ile de kullanılabilir:"},
    {"voet.api_link", "API açıklaması (OpenAPI)"},
    {"finder.titel", "Size yakın Dijital Devlet Bilgi Noktası | ido-vinder"},
    {"finder.titel_zoek", "{plek} yakınındaki bilgi noktaları | ido-vinder"},
    {"finder.beschrijving", "Size yakın bir Dijital Devlet Bilgi Noktası bulun. Orada DigiD, devlet yardımları, vergiler ve diğer devlet işlerinde ücretsiz yardım ederler."},
    {"finder.h1", "Dijital devlet işlerinde ücretsiz yardım"},
    {"finder.inleiding", "DigiD, vergi dairesi, devlet yardımları veya belediyenizle bir iş mi halletmeniz gerekiyor ve bunu bilgisayarda veya telefonda yapmak zor mu? Dijital Devlet Bilgi Noktasında size yardım ederler. Çoğu zaman kütüphanede. Ücretsizdir ve üye olmanız gerekmez."},
    {"embed.titel", "Dijital Devlet Bilgi Noktaları"},
    {"embed.titel_gemeente", "{gemeente} Dijital Devlet Bilgi Noktaları"},
    {"embed.beschrijving", "Dijital Devlet Bilgi Noktaları: DigiD, devlet yardımları, vergiler ve diğer devlet işlerinde ücretsiz yardım."},
    {"embed.beschrijving_gemeente", "{gemeente} Dijital Devlet Bilgi Noktaları: DigiD, devlet yardımları, vergiler ve diğer devlet işlerinde ücretsiz yardım."},
    {"widget.titel", "Dijital devlet işlerinde yardım"},
    {"widget.titel_gemeente", "{gemeente} içinde dijital devlet işlerinde yardım"},
    {"zoek.label", "Posta kodunuz veya oturduğunuz yer"},
    {"zoek.hint", "Örneğin 3511 AB veya Utrecht"},
    {"zoek.knop", "Ara"},
    {"filter.label", "Filtreler"},
    {"filter.nu_open", "Sadece şu an açık olanlar"},
    {"filter.dienst", "Yardım konusu"},
    {"filter.alle", "Hepsi"},
    {"locatie.knop", "Konumumu kullan"},
    {"finder.begin", "Posta kodunuzu veya oturduğunuz yeri yazın. Size yakın bilgi noktalarını görürsünüz."},
    {"finder.geen_resultaat_tip", "Filtreleri kapatın veya başka bir yerde arayın."},
    {"finder.lijst", "Bilgi noktaları"},
    {"aantal.geen", "Bilgi noktası bulunamadı."},
    {"aantal.een", "1 bilgi noktası bulundu."},
    {"aantal.veel", "{n} bilgi noktası bulundu."},
    {"aantal_bij.geen", "{plek} yakınında bilgi noktası bulunamadı."},
    {"aantal_bij.een", "{plek} yakınında 1 bilgi noktası bulundu."},
    {"aantal_bij.veel", "{plek} yakınında {n} bilgi noktası bulundu, en yakını önce."},
    {"aantal_in.geen", "{gemeente} içinde bilgi noktası bulunamadı."},
    {"aantal_in.een", "{gemeente} içinde 1 bilgi noktası."},
    {"aantal_in.veel", "{gemeente} içinde {n} bilgi noktası."},
    {"label.voorbeeld", "Örnek, gerçek bir yer değil"},
    {"label.niet_bevestigd", "Onaylanmadı"},
    {"item.slots", "Sonraki görüşme saatleri:"},
    {"route", "Yol tarifi al"},
    {"route.naar", "{naam} için"},
    {"melding.kandidaten", "„{zoek}” adında birden fazla yer var. Hangisini kastediyorsunuz?"},
    {"melding.niet_gevonden", "„{zoek}” bulunamadı. Yazımı kontrol edin veya posta kodunuzu yazın, örneğin 3511 AB."},
    {"melding.dienst", "Bu yardım türünü tanımıyoruz. „Yardım konusu” kısmında başka bir seçim yapın veya „Hepsi”ni seçin."},
    {"melding.gemeente", "Bu belediyeyi tanımıyoruz. Bu sayfanın adresindeki belediye kodunu kontrol edin."},
    {"melding.algemeen", "Bu aramayı yanıtlayamıyoruz. Posta kodunuzu veya oturduğunuz yeri yazın ve Ara düğmesine basın."},
    {"melding.fout", "Yükleme olmadı. Daha sonra tekrar deneyin."},
    {"status.nu_open_tot", "Şu an açık, {tijd} saatine kadar"},
    {"status.nu_open", "Şu an açık"},
    {"status.erbij_op_afspraak", " (randevuyla)"},
    {"status.gesloten_opent", "Kapalı – açılış: {wanneer}"},
    {"status.gesloten", "Kapalı"},
    {"status.op_afspraak", "Randevuyla"},
    {"status.onbekend", "Açılış saatleri bilinmiyor"},
    {"tijd.vandaag", "bugün"},
    {"tijd.morgen", "yarın"},
    {"afspraak.nodig", "Randevu almanız gerekir."},
    {"afspraak.soms", "Bazı görüşme saatleri için randevu gerekir."},
    {"afspraak.inloop", "Görüşme saatinde randevusuz gelebilirsiniz."},
    {"afspraak.onbekend", "Randevu gerekip gerekmediği bilinmiyor. Lütfen önce sorun."},
    {"afstand", "{km} km"},
    {"getal.komma", ","},
    {"dienst.digid", "DigiD"},
    {"dienst.belastingdienst", "Vergiler (Belastingdienst)"},
    {"dienst.toeslagen", "Devlet yardımları: kira, sağlık, çocuk (toeslagen)"},
    {"dienst.uwv", "İş ve işsizlik parası (UWV)"},
    {"dienst.svb", "Emekli aylığı (AOW) ve çocuk parası (SVB)"},
    {"dienst.cjib", "Para cezaları (CJIB)"},
    {"dienst.cbr", "Ehliyet (CBR)"},
    {"dienst.duo", "Öğrenim (DUO)"},
    {"dienst.zorg", "Bakım (CAK, CIZ)"},
    {"dienst.cak", "Bakım için katkı payı (CAK)"},
    {"dienst.ciz", "Bakım ihtiyacı değerlendirmesi (CIZ)"},
    {"dienst.gemeente", "Belediyeniz"},
    {"dienst.mijnoverheid", "MijnOverheid"},
    {"dienst.zorgverzekering", "Sağlık sigortası"},
    {"dienst.pensioen", "Emeklilik"},
    {"dienst.rdw", "Araba ve plaka (RDW)"},
    {"dienst.computer", "Bilgisayar ve telefon"},
    {"dienst.digitale-vaardigheden", "Bilgisayar ve telefon"},
    {"dienst.overig", "Başka sorular"},
    {"alternatieven.kop.geen", "Bilgi noktası bulunamadı"},
    {"alternatieven.kop.ver", "Yakında bilgi noktası yok"},
    {"alternatieven.kop.dicht", "Önümüzdeki 7 günde görüşme saati yok"},
    {"alternatieven.uitleg.geen", "Burada bilgi noktası bulamıyoruz. Başka bir yoldan da yardım alabilirsiniz."},
    {"alternatieven.uitleg.ver", "En yakın bilgi noktası buradan 10 kilometreden daha uzak. Başka bir yoldan da yardım alabilirsiniz."},
    {"alternatieven.uitleg.dicht", "Bu bilgi noktalarının önümüzdeki 7 günde bildiğimiz bir görüşme saati yok. Başka bir yoldan da yardım alabilirsiniz."},
    {"alternatieven.bel", "DigiHulplijn hattını ücretsiz arayın:"},
    {"alternatieven.whatsapp", "Ya da aynı numaraya WhatsApp mesajı gönderin."},
    {"alternatieven.wat", "DigiD, devlet yardımları ve vergiler gibi dijital devlet sorularında size yardım ederler."},
    {"ip.titel", "{naam} | Dijital Devlet Bilgi Noktası"},
    {"ip.beschrijving", "{naam}{adres}: dijital devlet işlerinde ücretsiz yardım. Görüşme saatleri, adres ve nasıl randevu alınır."},
    {"ip.terug", "Başka bir bilgi noktası arayın"},
    {"ip.ondertitel", "Dijital Devlet Bilgi Noktası: DigiD, devlet yardımları, vergiler ve diğer devlet işlerinde ücretsiz yardım."},
    {"ip.voorbeeld_uitleg", "Bu bilgi noktası web sitesini denemek için uydurulmuştur. Oraya gitmeyin."},
    {"ip.onbevestigd_uitleg", "Bu gerçek bir kütüphane. Burada bilgi noktası olup olmadığı kesin değil. Önce iletişime geçin."},
    {"ip.adres", "Adres"},
    {"ip.gemeente", "Belediye: {gemeente}"},
    {"ip.contact", "İletişim"},
    {"ip.telefoon", "Telefon"},
    {"ip.email", "E-posta"},
    {"ip.website", "Web sitesi"},
    {"ip.geen_contact", "İletişim bilgisi bilinmiyor."},
    {"ip.spreekuren", "Bu haftaki görüşme saatleri"},
    {"ip.geen_spreekuren", "Önümüzdeki 7 gün için görüşme saati bilinmiyor. Ne zaman gidebileceğinizi sormak için iletişime geçin."},
    {"ip.tijden_onbekend", "Saatler bilinmiyor. Ne zaman gidebileceğinizi sormak için iletişime geçin."},
    {"ip.spreekuren_caption", "Önümüzdeki 7 gündeki görüşme saatleri"},
    {"ip.kolom_dag", "Gün"},
    {"ip.kolom_tijd", "Saat"},
    {"ip.kolom_spreekuur", "Görüşme"},
    {"ip.afspraak", "Randevu almak"},
    {"ip.afspraak_hoe", "Yukarıdaki iletişim bilgileriyle randevu alın."},
    {"ip.diensten", "Burada yardım ettikleri konular"},
    {"ip.gecontroleerd", "En son {datum} tarihinde kontrol edildi."},
    {"ip.niet_gecontroleerd", "Henüz kontrol edilmedi."},
    {"ip.gecontroleerd_oud", "Bu bir yıldan daha önceydi. Her şey artık doğru olmayabilir."},
    {"ip.meld", "Bu bilgilerde bir hata bildirin"},
    {"ip.meer", "Daha fazla bilgi noktası:"},
    {"niet_gevonden.titel", "Sayfa bulunamadı | Dijital Devlet Bilgi Noktası"},
    {"niet_gevonden.kop", "Bu bilgi noktasını tanımıyoruz"},
    {"niet_gevonden.uitleg", "Belki bu sayfanın adresi doğru değil veya bilgi noktası artık yok."},
    {"niet_gevonden.link", "Size yakın bir bilgi noktası arayın"},
    {"dag.0", "Pazar"}, {"dag.1", "Pazartesi"}, {"dag.2", "Salı"}, {"dag.3", "Çarşamba"}, {"dag.4", "Perşembe"}, {"dag.5", "Cuma"}, {"dag.6", "Cumartesi"},
    {"dagkort.0", "Paz"}, {"dagkort.1", "Pzt"}, {"dagkort.2", "Sal"}, {"dagkort.3", "Çar"}, {"dagkort.4", "Per"}, {"dagkort.5", "Cum"}, {"dagkort.6", "Cmt"},
    {"maand.1", "Ocak"}, {"maand.2", "Şubat"}, {"maand.3", "Mart"}, {"maand.4", "Nisan"}, {"maand.5", "Mayıs"}, {"maand.6", "Haziran"},
    {"maand.7", "Temmuz"}, {"maand.8", "Ağustos"}, {"maand.9", "Eylül"}, {"maand.10", "Ekim"}, {"maand.11", "Kasım"}, {"maand.12", "Aralık"},
    {"maandkort.1", "Oca"}, {"maandkort.2", "Şub"}, {"maandkort.3", "Mar"}, {"maandkort.4", "Nis"}, {"maandkort.5", "May"}, {"maandkort.6", "Haz"},
    {"maandkort.7", "Tem"}, {"maandkort.8", "Ağu"}, {"maandkort.9", "Eyl"}, {"maandkort.10", "Eki"}, {"maandkort.11", "Kas"}, {"maandkort.12", "Ara"},
    {"formaat.lange_dag", "{d} {maand} {dag}"},
    {"formaat.dag_datum", "{d} {maand} {dag}"},
    {"formaat.datum", "{d} {maand} {jaar}"},
};

const Tabel pl{
    {"taal.keuze", "Język"},
    {"kop.naar_inhoud", "Przejdź do treści"},
    {"kop.naar_zoekfunctie", "Przejdź do wyszukiwania"},
    {"kop.merk", "Punkt Informacyjny Cyfrowej Administracji"},
    {"voet.over", "O tej stronie"},
    {"voet.privacy", "Ta strona nie używa plików cookie i nic o Tobie nie zapisuje. Twoja lokalizacja jest używana tylko wtedy, gdy naciśniesz „Użyj mojej lokalizacji”, i tylko do znalezienia najbliższych punktów informacyjnych."},
    {"voet.voorbeelden", "Niektóre punkty informacyjne są przykładem i naprawdę nie istnieją. Mają etykietę „Przykład, nie prawdziwe miejsce”. Oficjalnej listy wszystkich punktów informacyjnych nie ma w internecie jako otwartych danych."},
    {"voet.gemeenten", "Dla gmin i bibliotek"},
    {"voet.insluiten", "Umieść to wyszukiwanie na swojej stronie jednym kawałkiem kodu. Zamień GM0363 na kod swojej gminy."},
    {"voet.iframe", "Albo użyj elementu iframe:"},
    {"voet.api", "Dane są też dostępne przez otwarte API:"},
    {"voet.api_link", "opis API (OpenAPI)"},
    {"finder.titel", "Punkt Informacyjny Cyfrowej Administracji w pobliżu | ido-vinder"},
    {"finder.titel_zoek", "Punkty informacyjne w pobliżu: {plek} | ido-vinder"},
    {"finder.beschrijving", "Znajdź Punkt Informacyjny Cyfrowej Administracji w pobliżu. Tam za darmo pomogą Ci z DigiD, dodatkami, podatkami i innymi sprawami urzędowymi."},
    {"finder.h1", "Bezpłatna pomoc w sprawach urzędowych przez internet"},
    {"finder.inleiding", "Musisz coś załatwić z DigiD, urzędem skarbowym, dodatkami lub gminą i trudno Ci to zrobić na komputerze lub telefonie? W Punkcie Informacyjnym Cyfrowej Administracji Ci pomogą. Zwykle w bibliotece. To nic nie kosztuje i nie musisz być członkiem."},
    {"embed.titel", "Punkty Informacyjne Cyfrowej Administracji"},
    {"embed.titel_gemeente", "Punkty Informacyjne Cyfrowej Administracji w gminie {gemeente}"},
    {"embed.beschrijving", "Punkty Informacyjne Cyfrowej Administracji: bezpłatna pomoc z DigiD, dodatkami, podatkami i innymi sprawami urzędowymi."},
    {"embed.beschrijving_gemeente", "Punkty Informacyjne Cyfrowej Administracji w gminie {gemeente}: bezpłatna pomoc z DigiD, dodatkami, podatkami i innymi sprawami urzędowymi."},
    {"widget.titel", "Pomoc w sprawach urzędowych przez internet"},
    {"widget.titel_gemeente", "Pomoc w sprawach urzędowych przez internet w {gemeente}"},
    {"zoek.label", "Twój kod pocztowy lub miejscowość"},
    {"zoek.hint", "Na przykład 3511 AB lub Utrecht"},
    {"zoek.knop", "Szukaj"},
    {"filter.label", "Filtry"},
    {"filter.nu_open", "Tylko teraz otwarte"},
    {"filter.dienst", "Pomoc w sprawie"},
    {"filter.alle", "Wszystko"},
    {"locatie.knop", "Użyj mojej lokalizacji"},
    {"finder.begin", "Wpisz kod pocztowy lub miejscowość. Zobaczysz wtedy punkty informacyjne w pobliżu."},
    {"finder.geen_resultaat_tip", "Wyłącz filtry lub szukaj w innym miejscu."},
    {"finder.lijst", "Punkty informacyjne"},
    {"aantal.geen", "Nie znaleziono punktów informacyjnych."},
    {"aantal.een", "Znaleziono 1 punkt informacyjny."},
    {"aantal.veel", "Znalezione punkty informacyjne: {n}."},
    {"aantal_bij.geen", "Nie znaleziono punktów informacyjnych w pobliżu: {plek}."},
    {"aantal_bij.een", "Znaleziono 1 punkt informacyjny w pobliżu: {plek}."},
    {"aantal_bij.veel", "Punkty informacyjne w pobliżu: {plek}. Znaleziono: {n}, najbliższe najpierw."},
    {"aantal_in.geen", "Nie znaleziono punktów informacyjnych w gminie {gemeente}."},
    {"aantal_in.een", "1 punkt informacyjny w gminie {gemeente}."},
    {"aantal_in.veel", "Punkty informacyjne w gminie {gemeente}: {n}."},
    {"label.voorbeeld", "Przykład, nie prawdziwe miejsce"},
    {"label.niet_bevestigd", "Niepotwierdzone"},
    {"item.slots", "Najbliższe godziny przyjęć:"},
    {"route", "Zaplanuj trasę"},
    {"route.naar", "do: {naam}"},
    {"melding.kandidaten", "Jest kilka miejscowości o nazwie „{zoek}”. Którą masz na myśli?"},
    {"melding.niet_gevonden", "Nie możemy znaleźć „{zoek}”. Sprawdź pisownię lub wpisz kod pocztowy, na przykład 3511 AB."},
    {"melding.dienst", "Nie znamy tego rodzaju pomocy. Wybierz coś innego w „Pomoc w sprawie” albo „Wszystko”."},
    {"melding.gemeente", "Nie znamy tej gminy. Sprawdź kod gminy w adresie tej strony."},
    {"melding.algemeen", "Nie możemy odpowiedzieć na to wyszukiwanie. Wpisz kod pocztowy lub miejscowość i naciśnij Szukaj."},
    {"melding.fout", "Nie udało się pobrać danych. Spróbuj ponownie później."},
    {"status.nu_open_tot", "Teraz otwarte do {tijd}"},
    {"status.nu_open", "Teraz otwarte"},
    {"status.erbij_op_afspraak", " (po umówieniu wizyty)"},
    {"status.gesloten_opent", "Zamknięte – otwarcie {wanneer}"},
    {"status.gesloten", "Zamknięte"},
    {"status.op_afspraak", "Po umówieniu wizyty"},
    {"status.onbekend", "Godziny otwarcia nieznane"},
    {"tijd.vandaag", "dziś"},
    {"tijd.morgen", "jutro"},
    {"afspraak.nodig", "Musisz umówić wizytę."},
    {"afspraak.soms", "Na niektóre godziny przyjęć trzeba umówić wizytę."},
    {"afspraak.inloop", "W godzinach przyjęć możesz przyjść bez umawiania."},
    {"afspraak.onbekend", "Nie wiadomo, czy potrzebna jest wizyta umówiona. Zapytaj wcześniej."},
    {"afstand", "{km} km"},
    {"getal.komma", ","},
    {"dienst.digid", "DigiD"},
    {"dienst.belastingdienst", "Podatki (Belastingdienst)"},
    {"dienst.toeslagen", "Dodatki do czynszu, ubezpieczenia i na dzieci (toeslagen)"},
    {"dienst.uwv", "Praca i zasiłek (UWV)"},
    {"dienst.svb", "Emerytura państwowa AOW i zasiłek na dzieci (SVB)"},
    {"dienst.cjib", "Mandaty (CJIB)"},
    {"dienst.cbr", "Prawo jazdy (CBR)"},
    {"dienst.duo", "Nauka (DUO)"},
    {"dienst.zorg", "Opieka (CAK, CIZ)"},
    {"dienst.cak", "Dopłata do opieki (CAK)"},
    {"dienst.ciz", "Ocena potrzeby opieki (CIZ)"},
    {"dienst.gemeente", "Twoja gmina"},
    {"dienst.mijnoverheid", "MijnOverheid"},
    {"dienst.zorgverzekering", "Ubezpieczenie zdrowotne"},
    {"dienst.pensioen", "Emerytura"},
    {"dienst.rdw", "Samochód i tablica rejestracyjna (RDW)"},
    {"dienst.computer", "Komputer i telefon"},
    {"dienst.digitale-vaardigheden", "Komputer i telefon"},
    {"dienst.overig", "Inne pytania"},
    {"alternatieven.kop.geen", "Nie znaleziono punktu informacyjnego"},
    {"alternatieven.kop.ver", "Brak punktu informacyjnego w pobliżu"},
    {"alternatieven.kop.dicht", "Brak godzin przyjęć w najbliższych 7 dniach"},
    {"alternatieven.uitleg.geen", "Nie znajdujemy tu punktu informacyjnego. Pomoc możesz dostać także w inny sposób."},
    {"alternatieven.uitleg.ver", "Najbliższy punkt informacyjny jest dalej niż 10 kilometrów stąd. Pomoc możesz dostać także w inny sposób."},
    {"alternatieven.uitleg.dicht", "Te punkty informacyjne nie mają znanych nam godzin przyjęć w najbliższych 7 dniach. Pomoc możesz dostać także w inny sposób."},
    {"alternatieven.bel", "Zadzwoń za darmo na DigiHulplijn:"},
    {"alternatieven.whatsapp", "Albo wyślij wiadomość WhatsApp na ten sam numer."},
    {"alternatieven.wat", "Pomogą Ci w sprawach urzędowych przez internet, takich jak DigiD, dodatki i podatki."},
    {"ip.titel", "{naam} | Punkt Informacyjny Cyfrowej Administracji"},
    {"ip.beschrijving", "Bezpłatna pomoc w sprawach urzędowych przez internet: {naam}{adres}. Godziny przyjęć, adres i jak umówić wizytę."},
    {"ip.terug", "Szukaj innego punktu informacyjnego"},
    {"ip.ondertitel", "Punkt Informacyjny Cyfrowej Administracji: bezpłatna pomoc z DigiD, dodatkami, podatkami i innymi sprawami urzędowymi."},
    {"ip.voorbeeld_uitleg", "Ten punkt informacyjny jest zmyślony, aby przetestować stronę. Nie idź tam."},
    {"ip.onbevestigd_uitleg", "To prawdziwa biblioteka. Nie jest pewne, czy jest tu punkt informacyjny. Najpierw się skontaktuj."},
    {"ip.adres", "Adres"},
    {"ip.gemeente", "Gmina {gemeente}"},
    {"ip.contact", "Kontakt"},
    {"ip.telefoon", "Telefon"},
    {"ip.email", "E-mail"},
    {"ip.website", "Strona internetowa"},
    {"ip.geen_contact", "Brak znanych danych kontaktowych."},
    {"ip.spreekuren", "Godziny przyjęć w tym tygodniu"},
    {"ip.geen_spreekuren", "Nie znamy godzin przyjęć w najbliższych 7 dniach. Skontaktuj się, aby zapytać, kiedy możesz przyjść."},
    {"ip.tijden_onbekend", "Godziny nie są znane. Skontaktuj się, aby zapytać, kiedy możesz przyjść."},
    {"ip.spreekuren_caption", "Godziny przyjęć w najbliższych 7 dniach"},
    {"ip.kolom_dag", "Dzień"},
    {"ip.kolom_tijd", "Godzina"},
    {"ip.kolom_spreekuur", "Przyjęcia"},
    {"ip.afspraak", "Umawianie wizyty"},
    {"ip.afspraak_hoe", "Umów wizytę przez dane kontaktowe powyżej."},
    {"ip.diensten", "Tu pomogą Ci w sprawie"},
    {"ip.gecontroleerd", "Ostatnio sprawdzono {datum}."},
    {"ip.niet_gecontroleerd", "Jeszcze nie sprawdzono."},
    {"ip.gecontroleerd_oud", "To było ponad rok temu. Być może nie wszystko jest już aktualne."},
    {"ip.meld", "Zgłoś błąd w tych danych"},
    {"ip.meer", "Więcej punktów informacyjnych:"},
    {"niet_gevonden.titel", "Nie znaleziono strony | Punkt Informacyjny Cyfrowej Administracji"},
    {"niet_gevonden.kop", "Nie znamy tego punktu informacyjnego"},
    {"niet_gevonden.uitleg", "Być może adres tej strony jest błędny albo punkt informacyjny już nie istnieje."},
    {"niet_gevonden.link", "Szukaj punktu informacyjnego w pobliżu"},
    {"dag.0", "niedziela"}, {"dag.1", "poniedziałek"}, {"dag.2", "wtorek"}, {"dag.3", "środa"}, {"dag.4", "czwartek"}, {"dag.5", "piątek"}, {"dag.6", "sobota"},
    {"dagkort.0", "niedz."}, {"dagkort.1", "pon."}, {"dagkort.2", "wt."}, {"dagkort.3", "śr."}, {"dagkort.4", "czw."}, {"dagkort.5", "pt."}, {"dagkort.6", "sob."},
    {"maand.1", "stycznia"}, {"maand.2", "lutego"}, {"maand.3", "marca"}, {"maand.4", "kwietnia"}, {"maand.5", "maja"}, {"maand.6", "czerwca"},
    {"maand.7", "lipca"}, {"maand.8", "sierpnia"}, {"maand.9", "września"}, {"maand.10", "października"}, {"maand.11", "listopada"}, {"maand.12", "grudnia"},
    {"maandkort.1", "sty"}, {"maandkort.2", "lut"}, {"maandkort.3", "mar"}, {"maandkort.4", "kwi"}, {"maandkort.5", "maj"}, {"maandkort.6", "cze"},
    {"maandkort.7", "lip"}, {"maandkort.8", "sie"}, {"maandkort.9", "wrz"}, {"maandkort.10", "paź"}, {"maandkort.11", "lis"}, {"maandkort.12", "gru"},
    {"formaat.lange_dag", "{dag}, {d} {maand}"},
    {"formaat.dag_datum", "{dag}, {d} {maand}"},
    {"formaat.datum", "{d} {maand} {jaar}"},
};

const Tabel uk{
    {"taal.keuze", "Мова"},
    {"kop.naar_inhoud", "Перейти до змісту"},
    {"kop.naar_zoekfunctie", "Перейти до пошуку"},
    {"kop.merk", "Інформаційний пункт цифрового уряду"},
    {"voet.over", "Про цей сайт"},
    {"voet.privacy", "Цей сайт не використовує файлів cookie і нічого про вас не зберігає. Ваше місцезнаходження використовується лише тоді, коли ви натискаєте «Використати моє місцезнаходження», і лише для пошуку найближчих інформаційних пунктів."},
    {"voet.voorbeelden", "Деякі інформаційні пункти є прикладами і насправді не існують. Вони мають позначку «Приклад, не справжнє місце». Офіційного списку всіх інформаційних пунктів немає в інтернеті як відкритих даних."},
    {"voet.gemeenten", "Для громад і бібліотек"},
    {"voet.insluiten", "Розмістіть цей пошук на своєму сайті одним фрагментом коду. Замініть GM0363 на код вашої громади."},
    {"voet.iframe", "Або використайте iframe:"},
    {"voet.api", "Дані також доступні через відкритий API:"},
    {"voet.api_link", "опис API (OpenAPI)"},
    {"finder.titel", "Інформаційний пункт цифрового уряду поруч із вами | ido-vinder"},
    {"finder.titel_zoek", "Інформаційні пункти поруч із {plek} | ido-vinder"},
    {"finder.beschrijving", "Знайдіть Інформаційний пункт цифрового уряду поруч із вами. Там безкоштовно допоможуть з DigiD, допомогами, податками та іншими державними справами."},
    {"finder.h1", "Безкоштовна допомога з державними послугами онлайн"},
    {"finder.inleiding", "Вам треба щось оформити через DigiD, податкову, допомоги або громаду, і на комп’ютері чи телефоні це важко? В Інформаційному пункті цифрового уряду вам допоможуть. Зазвичай у бібліотеці. Це безкоштовно, і не треба бути членом бібліотеки."},
    {"embed.titel", "Інформаційні пункти цифрового уряду"},
    {"embed.titel_gemeente", "Інформаційні пункти цифрового уряду в громаді {gemeente}"},
    {"embed.beschrijving", "Інформаційні пункти цифрового уряду: безкоштовна допомога з DigiD, допомогами, податками та іншими державними справами."},
    {"embed.beschrijving_gemeente", "Інформаційні пункти цифрового уряду в громаді {gemeente}: безкоштовна допомога з DigiD, допомогами, податками та іншими державними справами."},
    {"widget.titel", "Допомога з державними послугами онлайн"},
    {"widget.titel_gemeente", "Допомога з державними послугами онлайн у {gemeente}"},
    {"zoek.label", "Ваш поштовий індекс або місто"},
    {"zoek.hint", "Наприклад, 3511 AB або Utrecht"},
    {"zoek.knop", "Шукати"},
    {"filter.label", "Фільтри"},
    {"filter.nu_open", "Лише ті, що зараз відкриті"},
    {"filter.dienst", "Допомога з"},
    {"filter.alle", "Усе"},
    {"locatie.knop", "Використати моє місцезнаходження"},
    {"finder.begin", "Введіть поштовий індекс або місто. Ви побачите інформаційні пункти поруч."},
    {"finder.geen_resultaat_tip", "Вимкніть фільтри або шукайте в іншому місці."},
    {"finder.lijst", "Інформаційні пункти"},
    {"aantal.geen", "Інформаційних пунктів не знайдено."},
    {"aantal.een", "Знайдено 1 інформаційний пункт."},
    {"aantal.veel", "Знайдено інформаційних пунктів: {n}."},
    {"aantal_bij.geen", "Поруч із {plek} інформаційних пунктів не знайдено."},
    {"aantal_bij.een", "Поруч із {plek} знайдено 1 інформаційний пункт."},
    {"aantal_bij.veel", "Поруч із {plek} знайдено інформаційних пунктів: {n}, спочатку найближчі."},
    {"aantal_in.geen", "У громаді {gemeente} інформаційних пунктів не знайдено."},
    {"aantal_in.een", "У громаді {gemeente}: 1 інформаційний пункт."},
    {"aantal_in.veel", "Інформаційних пунктів у громаді {gemeente}: {n}."},
    {"label.voorbeeld", "Приклад, не справжнє місце"},
    {"label.niet_bevestigd", "Не підтверджено"},
    {"item.slots", "Найближчі години прийому:"},
    {"route", "Прокласти маршрут"},
    {"route.naar", "до: {naam}"},
    {"melding.kandidaten", "Є кілька місць з назвою «{zoek}». Яке ви маєте на увазі?"},
    {"melding.niet_gevonden", "Ми не можемо знайти «{zoek}». Перевірте написання або введіть поштовий індекс, наприклад, 3511 AB."},
    {"melding.dienst", "Ми не знаємо такого виду допомоги. Виберіть інше в «Допомога з» або «Усе»."},
    {"melding.gemeente", "Ми не знаємо цієї громади. Перевірте код громади в адресі цієї сторінки."},
    {"melding.algemeen", "Ми не можемо відповісти на цей запит. Введіть поштовий індекс або місто і натисніть «Шукати»."},
    {"melding.fout", "Не вдалося завантажити. Спробуйте пізніше."},
    {"status.nu_open_tot", "Зараз відкрито до {tijd}"},
    {"status.nu_open", "Зараз відкрито"},
    {"status.erbij_op_afspraak", " (за записом)"},
    {"status.gesloten_opent", "Зачинено – відкриється {wanneer}"},
    {"status.gesloten", "Зачинено"},
    {"status.op_afspraak", "За записом"},
    {"status.onbekend", "Години роботи невідомі"},
    {"tijd.vandaag", "сьогодні"},
    {"tijd.morgen", "завтра"},
    {"afspraak.nodig", "Потрібно записатися."},
    {"afspraak.soms", "На деякі години прийому потрібно записатися."},
    {"afspraak.inloop", "У години прийому можна прийти без запису."},
    {"afspraak.onbekend", "Невідомо, чи потрібен запис. Спершу запитайте."},
    {"afstand", "{km} км"},
    {"getal.komma", ","},
    {"dienst.digid", "DigiD"},
    {"dienst.belastingdienst", "Податки (Belastingdienst)"},
    {"dienst.toeslagen", "Допомоги на житло, медичне страхування та дітей (toeslagen)"},
    {"dienst.uwv", "Робота і виплати (UWV)"},
    {"dienst.svb", "Державна пенсія AOW і допомога на дітей (SVB)"},
    {"dienst.cjib", "Штрафи (CJIB)"},
    {"dienst.cbr", "Посвідчення водія (CBR)"},
    {"dienst.duo", "Навчання (DUO)"},
    {"dienst.zorg", "Догляд (CAK, CIZ)"},
    {"dienst.cak", "Внесок за догляд (CAK)"},
    {"dienst.ciz", "Оцінка потреби в догляді (CIZ)"},
    {"dienst.gemeente", "Ваша громада"},
    {"dienst.mijnoverheid", "MijnOverheid"},
    {"dienst.zorgverzekering", "Медичне страхування"},
    {"dienst.pensioen", "Пенсія"},
    {"dienst.rdw", "Автомобіль і номерний знак (RDW)"},
    {"dienst.computer", "Комп’ютер і телефон"},
    {"dienst.digitale-vaardigheden", "Комп’ютер і телефон"},
    {"dienst.overig", "Інші питання"},
    {"alternatieven.kop.geen", "Інформаційний пункт не знайдено"},
    {"alternatieven.kop.ver", "Поруч немає інформаційного пункту"},
    {"alternatieven.kop.dicht", "Найближчі 7 днів немає годин прийому"},
    {"alternatieven.uitleg.geen", "Ми не знаходимо тут інформаційного пункту. Допомогу можна отримати й інакше."},
    {"alternatieven.uitleg.ver", "Найближчий інформаційний пункт далі ніж за 10 кілометрів. Допомогу можна отримати й інакше."},
    {"alternatieven.uitleg.dicht", "У цих інформаційних пунктів немає відомих нам годин прийому в найближчі 7 днів. Допомогу можна отримати й інакше."},
    {"alternatieven.bel", "Зателефонуйте безкоштовно на DigiHulplijn:"},
    {"alternatieven.whatsapp", "Або надішліть повідомлення WhatsApp на той самий номер."},
    {"alternatieven.wat", "Там допомагають з питаннями про державні послуги онлайн, як-от DigiD, допомоги та податки."},
    {"ip.titel", "{naam} | Інформаційний пункт цифрового уряду"},
    {"ip.beschrijving", "Безкоштовна допомога з державними послугами онлайн: {naam}{adres}. Години прийому, адреса і як записатися."},
    {"ip.terug", "Знайти інший інформаційний пункт"},
    {"ip.ondertitel", "Інформаційний пункт цифрового уряду: безкоштовна допомога з DigiD, допомогами, податками та іншими державними справами."},
    {"ip.voorbeeld_uitleg", "Цей інформаційний пункт вигаданий для перевірки сайту. Не йдіть туди."},
    {"ip.onbevestigd_uitleg", "Це справжня бібліотека. Чи є тут інформаційний пункт, невідомо напевно. Спершу зв’яжіться з ними."},
    {"ip.adres", "Адреса"},
    {"ip.gemeente", "Громада {gemeente}"},
    {"ip.contact", "Контакти"},
    {"ip.telefoon", "Телефон"},
    {"ip.email", "Ел. пошта"},
    {"ip.website", "Сайт"},
    {"ip.geen_contact", "Контакти невідомі."},
    {"ip.spreekuren", "Години прийому цього тижня"},
    {"ip.geen_spreekuren", "Години прийому на найближчі 7 днів невідомі. Зв’яжіться з ними, щоб запитати, коли можна прийти."},
    {"ip.tijden_onbekend", "Години невідомі. Зв’яжіться з ними, щоб запитати, коли можна прийти."},
    {"ip.spreekuren_caption", "Години прийому в найближчі 7 днів"},
    {"ip.kolom_dag", "День"},
    {"ip.kolom_tijd", "Час"},
    {"ip.kolom_spreekuur", "Прийом"},
    {"ip.afspraak", "Запис на прийом"},
    {"ip.afspraak_hoe", "Запишіться за контактами вище."},
    {"ip.diensten", "Тут допомагають з"},
    {"ip.gecontroleerd", "Востаннє перевірено {datum}."},
    {"ip.niet_gecontroleerd", "Ще не перевірено."},
    {"ip.gecontroleerd_oud", "Це було понад рік тому. Можливо, не все вже правильно."},
    {"ip.meld", "Повідомити про помилку в цих даних"},
    {"ip.meer", "Більше інформаційних пунктів:"},
    {"niet_gevonden.titel", "Сторінку не знайдено | Інформаційний пункт цифрового уряду"},
    {"niet_gevonden.kop", "Ми не знаємо цього інформаційного пункту"},
    {"niet_gevonden.uitleg", "Можливо, адреса цієї сторінки неправильна, або інформаційного пункту вже немає."},
    {"niet_gevonden.link", "Знайти інформаційний пункт поруч із вами"},
    {"dag.0", "неділя"}, {"dag.1", "понеділок"}, {"dag.2", "вівторок"}, {"dag.3", "середа"}, {"dag.4", "четвер"}, {"dag.5", "пʼятниця"}, {"dag.6", "субота"},
    {"dagkort.0", "нд"}, {"dagkort.1", "пн"}, {"dagkort.2", "вт"}, {"dagkort.3", "ср"}, {"dagkort.4", "чт"}, {"dagkort.5", "пт"}, {"dagkort.6", "сб"},
    {"maand.1", "січня"}, {"maand.2", "лютого"}, {"maand.3", "березня"}, {"maand.4", "квітня"}, {"maand.5", "травня"}, {"maand.6", "червня"},
    {"maand.7", "липня"}, {"maand.8", "серпня"}, {"maand.9", "вересня"}, {"maand.10", "жовтня"}, {"maand.11", "листопада"}, {"maand.12", "грудня"},
    {"maandkort.1", "січ."}, {"maandkort.2", "лют."}, {"maandkort.3", "бер."}, {"maandkort.4", "квіт."}, {"maandkort.5", "трав."}, {"maandkort.6", "черв."},
    {"maandkort.7", "лип."}, {"maandkort.8", "серп."}, {"maandkort.9", "вер."}, {"maandkort.10", "жовт."}, {"maandkort.11", "лист."}, {"maandkort.12", "груд."},
    {"formaat.lange_dag", "{dag}, {d} {maand}"},
    {"formaat.dag_datum", "{dag}, {d} {maand}"},
    {"formaat.datum", "{d} {maand} {jaar} р."},
};

struct Taal {
    std::string_view code;
    std::string_view naam;
    std::string_view richting;
    const Tabel* tabel;
};

const std::vector<Taal>& alle() {
    static const std::vector<Taal> talen{
        {"nl", "Nederlands", "ltr", &nl}, {"en", "English", "ltr", &en},  {"ar", "العربية", "rtl", &ar},
        {"tr", "Türkçe", "ltr", &tr},     {"pl", "Polski", "ltr", &pl},   {"uk", "Українська", "ltr", &uk},
    };
    return talen;
}

const Taal* zoek_taal(std::string_view code) {
    for (const auto& t : alle())
        if (t.code == code) return &t;
    return nullptr;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// A language range (RFC 4647 §2.1): "*" or 1*8ALPHA *("-" 1*8alphanum).
bool is_range(std::string_view r) {
    if (r == "*") return true;
    std::size_t part = 0;
    bool first = true;
    for (std::size_t i = 0; i <= r.size(); ++i) {
        if (i == r.size() || r[i] == '-') {
            if (part == 0 || part > 8) return false;
            part = 0;
            first = false;
            continue;
        }
        const auto c = static_cast<unsigned char>(r[i]);
        if (!(std::isalpha(c) || (!first && std::isdigit(c)))) return false;
        ++part;
    }
    return true;
}

// A weight (RFC 9110 §12.4.2): "0" or "1" with up to three decimals, at most 1.
std::optional<double> parse_q(std::string_view v) {
    if (v.empty() || v.size() > 5 || (v[0] != '0' && v[0] != '1')) return std::nullopt;
    if (v.size() > 1) {
        if (v[1] != '.') return std::nullopt;
        for (std::size_t i = 2; i < v.size(); ++i)
            if (!std::isdigit(static_cast<unsigned char>(v[i]))) return std::nullopt;
    }
    const double q = std::strtod(std::string(v).c_str(), nullptr);
    if (q > 1.0) return std::nullopt;
    return q;
}

}  // namespace

const std::vector<std::string_view>& talen() {
    static const std::vector<std::string_view> codes = [] {
        std::vector<std::string_view> out;
        for (const auto& t : alle()) out.push_back(t.code);
        return out;
    }();
    return codes;
}

bool bekend(std::string_view taal) { return zoek_taal(taal) != nullptr; }

std::string_view richting(std::string_view taal) {
    const Taal* t = zoek_taal(taal);
    return t ? t->richting : "ltr";
}

std::string_view naam(std::string_view taal) {
    const Taal* t = zoek_taal(taal);
    return t ? t->naam : std::string_view();
}

std::string_view tekst(std::string_view taal, std::string_view sleutel) {
    if (const Taal* t = zoek_taal(taal))
        if (const auto it = t->tabel->find(sleutel); it != t->tabel->end()) return it->second;
    if (const auto it = nl.find(sleutel); it != nl.end()) return it->second;
    return sleutel;
}

std::string tekst(std::string_view taal, std::string_view sleutel,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> waarden) {
    const std::string_view sjabloon = tekst(taal, sleutel);
    std::string out;
    out.reserve(sjabloon.size() + 32);
    for (std::size_t i = 0; i < sjabloon.size();) {
        if (sjabloon[i] == '{') {
            const auto sluit = sjabloon.find('}', i);
            if (sluit != std::string_view::npos) {
                const auto naam_ = sjabloon.substr(i + 1, sluit - i - 1);
                const auto w = std::find_if(waarden.begin(), waarden.end(), [&](const auto& p) { return p.first == naam_; });
                if (w != waarden.end()) {
                    out += w->second;  // a value is never scanned again: "{x}" in a place name stays as typed
                    i = sluit + 1;
                    continue;
                }
            }
        }
        out += sjabloon[i++];
    }
    return out;
}

std::vector<std::string_view> sleutels(std::string_view taal) {
    std::vector<std::string_view> out;
    if (const Taal* t = zoek_taal(taal))
        for (const auto& [k, v] : *t->tabel) out.push_back(k);
    return out;
}

std::vector<Voorkeur> parse_accept_language(std::string_view header) {
    std::vector<Voorkeur> out;
    while (!header.empty()) {
        const auto komma = header.find(',');
        std::string_view item = trim(header.substr(0, komma));
        header = komma == std::string_view::npos ? std::string_view() : header.substr(komma + 1);
        if (item.empty()) continue;
        const auto puntkomma = item.find(';');
        const std::string_view range = trim(item.substr(0, puntkomma));
        if (!is_range(range)) continue;
        double q = 1.0;
        bool geldig = true;
        std::string_view rest = puntkomma == std::string_view::npos ? std::string_view() : item.substr(puntkomma + 1);
        while (!rest.empty()) {
            const auto volgende = rest.find(';');
            const std::string_view param = trim(rest.substr(0, volgende));
            rest = volgende == std::string_view::npos ? std::string_view() : rest.substr(volgende + 1);
            if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && trim(param.substr(1)).starts_with("=")) {
                const auto waarde = parse_q(trim(trim(param.substr(1)).substr(1)));
                if (!waarde) geldig = false;
                else q = *waarde;
            }
        }
        if (!geldig) continue;
        out.push_back({lower(range), q});
    }
    std::stable_sort(out.begin(), out.end(), [](const Voorkeur& a, const Voorkeur& b) { return a.q > b.q; });
    return out;
}

std::string kies(std::string_view query_taal, std::string_view accept_language) {
    const std::string gevraagd = lower(trim(query_taal));
    if (bekend(gevraagd)) return gevraagd;
    const auto voorkeuren = parse_accept_language(accept_language);
    // A language refused as a whole with q=0 ("nl;q=0") is never chosen, also not through "*".
    auto geweigerd = [&](std::string_view code) {
        return std::any_of(voorkeuren.begin(), voorkeuren.end(), [&](const Voorkeur& v) {
            return v.q == 0.0 && v.taal == code;
        });
    };
    for (const auto& v : voorkeuren) {
        if (v.q == 0.0) break;  // sorted: nothing acceptable follows
        if (v.taal == "*") {
            for (const auto code : talen())
                if (!geweigerd(code)) return std::string(code);
            continue;
        }
        const std::string primair = v.taal.substr(0, v.taal.find('-'));
        if (bekend(primair) && !geweigerd(primair)) return primair;
    }
    return "nl";
}

}  // namespace ido::service::teksten
