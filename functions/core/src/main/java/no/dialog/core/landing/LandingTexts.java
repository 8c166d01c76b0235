package no.dialog.core.landing;

import java.util.HashMap;
import java.util.Map;
import no.dialog.core.page.LandingPage;
import no.dialog.core.page.QuestionType;
import no.dialog.core.page.Texts;

/**
 * The landing pages' own words in Norwegian (bokmål) and English: default question labels, field
 * names, error messages and the friendly pages. A label configured on a question wins over the default.
 */
public final class LandingTexts {

    private static final Map<String, Texts> TEXTS = new HashMap<>();

    static {
        put("page.title", "Noen spørsmål fra %s", "A few questions from %s");
        put("page.submit", "Send svar", "Send answers");
        put("page.optional", "(valgfritt)", "(optional)");
        put("page.errorSummary", "Noe må rettes før du kan sende:", "Please correct the following before sending:");
        put("page.thanks.title", "Takk for svaret!", "Thank you for your answer!");
        put("page.thanks.body", "Vi har registrert svarene dine.", "We have recorded your answers.");
        put("page.thanks.paymentUnavailable", "Det er ikke mulig å gi gjennom denne siden ennå. Vi har notert "
                + "ønsket ditt og tar kontakt.", "Giving through this page is not available yet. We have noted "
                + "your wish and will be in touch.");
        put("page.payment.completed.title", "Tusen takk!", "Thank you so much!");
        put("page.payment.completed.body", "Vi har mottatt støtten din gjennom Vipps.",
                "We have received your support through Vipps.");
        put("page.payment.pending.title", "Vi venter på Vipps", "Waiting for Vipps");
        put("page.payment.pending.body", "Betalingen er ikke bekreftet ennå. Se i Vipps-appen, eller åpne lenken "
                + "igjen om litt.", "The payment is not confirmed yet. Check the Vipps app, or open the link again "
                + "in a little while.");
        put("page.payment.failed.title", "Betalingen ble ikke fullført", "The payment was not completed");
        put("page.payment.failed.body", "Ingen penger er trukket. Du kan prøve igjen fra lenken.",
                "No money was taken. You can try again from the link.");
        put("page.used.title", "Du har allerede svart", "You have already answered");
        put("page.used.body", "Takk! Svarene dine er registrert.", "Thank you! Your answers have been recorded.");
        put("page.expired.title", "Lenken er utløpt", "This link has expired");
        put("page.expired.body", "Lenken virker ikke lenger. Ta gjerne kontakt med oss hvis du vil svare.",
                "This link no longer works. Please contact us if you would like to answer.");
        put("page.unknown.title", "Vi fant ikke siden", "We could not find this page");
        put("page.unknown.body", "Lenken kan være feil skrevet eller ikke lenger i bruk. Sjekk at du har "
                + "hele lenken fra meldingen.", "The link may be mistyped or no longer in use. Check that you "
                + "have the whole link from the message.");
        put("page.busy.title", "For mange forsøk", "Too many attempts");
        put("page.busy.body", "Vent litt og prøv igjen.", "Please wait a moment and try again.");
        put("page.unavailable.title", "Noe gikk galt hos oss", "Something went wrong on our side");
        put("page.unavailable.body", "Svarene dine er ikke sendt ennå. Vent litt og send skjemaet på nytt.",
                "Your answers have not been sent yet. Please wait a moment and send the form again.");
        put("page.stale.title", "Skjemaet er utløpt", "The form has expired");
        put("page.stale.body", "Last inn siden på nytt og send svarene igjen.", "Reload the page and send your answers again.");
        put("page.conditional", "Svar på dette bare hvis du svarte «%s» over.", "Answer this only if you answered “%s” above.");

        put("label.address", "Bor du fortsatt på denne adressen?", "Do you still live at this address?");
        put("label.mobile", "Mobilnummer", "Mobile number");
        put("label.email", "E-postadresse", "E-mail address");
        put("label.consent", "Kan vi kontakte deg igjen på %s?", "May we contact you again by %s?");
        put("label.profiling", "Kan vi bruke det du gjør hos oss (svar, gaver, åpnede meldinger) til å velge hva vi sender deg?",
                "May we use what you do with us (answers, gifts, messages opened) to choose what we send you?");
        put("label.give", "Vil du gi en gave nå?", "Would you like to give a gift now?");
        put("label.regular-donor", "Vil du bli fast giver? Velg beløp per måned.",
                "Would you like to become a regular donor? Choose a monthly amount.");
        put("label.membership", "Vil du bli medlem?", "Would you like to become a member?");
        put("label.event", "Vil du melde deg på et arrangement?", "Would you like to sign up for an event?");
        put("label.volunteer", "Vil du bli frivillig? Velg områder.", "Would you like to volunteer? Choose areas.");
        put("label.student", "Er du fortsatt student?", "Are you still a student?");
        put("label.tax-id", "Fødselsnummer (11 siffer) for skattefradrag",
                "National identity number (11 digits) for the tax deduction");
        put("label.free-text", "Er det noe du vil si til oss?", "Is there anything you would like to tell us?");

        put("channel.sms", "SMS", "text message");
        put("channel.email", "e-post", "e-mail");
        put("channel.phone", "telefon", "phone");
        put("channel.post", "post", "post");
        put("channel.chat", "chat", "chat");
        put("channel.newsletter", "nyhetsbrev", "newsletter");

        put("choice.yes", "Ja", "Yes");
        put("choice.no", "Nei", "No");
        put("choice.same", "Ja, adressen stemmer", "Yes, the address is right");
        put("choice.changed", "Nei, jeg har ny adresse", "No, I have a new address");
        put("choice.other", "Annet beløp", "Another amount");
        put("field.street", "Gateadresse", "Street address");
        put("field.postcode", "Postnummer", "Postcode");
        put("field.place", "Poststed", "Place");
        put("field.examDate", "Ny forventet eksamensdato", "New expected exam date");
        put("field.other", "Beløp i kroner", "Amount in kroner");
        put("field.currentAddress", "Adressen vi har:", "The address we have:");
        put("hint.taxId", "Vi lagrer nummeret kryptert og viser det aldri igjen.",
                "We store the number encrypted and never show it again.");
        put("hint.perMonth", "kr per måned", "kr per month");

        put("error.required", "Svar på dette spørsmålet.", "Please answer this question.");
        put("error.choice", "Velg ett av alternativene.", "Choose one of the options.");
        put("error.mobile", "Skriv et norsk mobilnummer, for eksempel 912 34 567.",
                "Enter a mobile number, for example +47 912 34 567.");
        put("error.email", "Skriv en e-postadresse, for eksempel navn@eksempel.no.",
                "Enter an e-mail address, for example name@example.com.");
        put("error.postcode", "Postnummeret er fire siffer.", "A postcode is four digits.");
        put("error.date", "Skriv datoen som dd.mm.åååå.", "Enter the date as dd.mm.yyyy.");
        put("error.examDate", "Datoen må være fra i dag og innen ti år.", "The date must be from today and within ten years.");
        put("error.amount", "Skriv et beløp mellom 10 og 100 000 kroner.", "Enter an amount between 10 and 100,000 kroner.");
        put("error.taxId", "Fødselsnummeret stemmer ikke. Sjekk de 11 sifrene.",
                "The national identity number is not valid. Check the 11 digits.");
        put("error.tooLong", "Teksten er for lang.", "The text is too long.");
    }

    private LandingTexts() {}

    private static void put(String key, String nb, String en) {
        TEXTS.put(key, Texts.of(nb, en));
    }

    /** The text for {@code key}; an unknown key is a programming error. */
    public static String get(String key, String language) {
        Texts texts = TEXTS.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("no landing text " + key);
        }
        return texts.in(language);
    }

    /** The question's label as shown: configured, or the default for its type. */
    public static String label(LandingPage.Question question, String language) {
        if (!question.label().isEmpty()) {
            return question.label().in(language);
        }
        String label = get("label." + question.type().jsonName(), language);
        if (question.type() == QuestionType.CONSENT) {
            return String.format(label, get("channel." + question.setting("channel", "sms"), language));
        }
        return label;
    }
}
