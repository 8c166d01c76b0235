package no.dialog.local.sandbox;

/**
 * The HTML the Vipps sandbox shows the person instead of the Vipps app: a plain page with the merchant,
 * what is asked and two buttons in an HTML form (no JavaScript), so it works in any browser and in
 * Selenium or curl.
 */
final class VippsPages {

    private VippsPages() {}

    static String payment(String merchant, VippsEPayments.PaymentView payment, String formAction) {
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"amount\">").append(kroner(payment.amountOre())).append("</p>");
        if (!payment.description().isEmpty()) {
            body.append("<p>").append(escape(payment.description())).append("</p>");
        }
        return page("Betal " + kroner(payment.amountOre()) + " til " + merchant, merchant, body.toString(),
                payment.phone(), payment.state(), "CREATED".equals(payment.state()), formAction, "Betal", "Avbryt");
    }

    static String agreement(String merchant, VippsRecurring.AgreementView agreement, String formAction) {
        String every = agreement.intervalCount() == 1 ? per(agreement.intervalUnit())
                : "hver " + agreement.intervalCount() + ". " + per(agreement.intervalUnit()).substring(4);
        String body = "<p class=\"amount\">" + kroner(agreement.amountOre()) + " " + escape(every) + "</p><p>"
                + escape(agreement.productName()) + "</p>";
        return page("Fast avtale med " + merchant, merchant, body, agreement.phone(), agreement.status(),
                "PENDING".equals(agreement.status()), formAction, "Godta avtalen", "Avvis");
    }

    static String notFound(String what) {
        return "<!doctype html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Vipps sandbox</title></head>"
                + "<body><h1>Finnes ikke</h1><p>" + escape(what) + "</p></body></html>";
    }

    private static String page(String title, String merchant, String body, String phone, String state, boolean open,
                               String formAction, String yes, String no) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"nb\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem}")
                .append(".bar{background:#ff5b24;color:#fff;padding:.6rem 1rem;border-radius:.4rem}")
                .append(".amount{font-size:2rem;font-weight:600}button{font-size:1.1rem;padding:.7rem 1.2rem;")
                .append("margin:.3rem .5rem .3rem 0;border-radius:.4rem;border:1px solid #ccc}")
                .append("button[value=approve]{background:#ff5b24;color:#fff;border-color:#ff5b24}</style></head><body>")
                .append("<p class=\"bar\">Vipps MobilePay &middot; lokal sandkasse</p>")
                .append("<h1>").append(escape(merchant)).append("</h1>").append(body);
        if (phone != null && !phone.isBlank()) {
            html.append("<p>Mobilnummer: ").append(escape(phone)).append("</p>");
        }
        if (open) {
            html.append("<form method=\"post\" action=\"").append(escape(formAction)).append("\">")
                    .append("<button type=\"submit\" name=\"decision\" value=\"approve\">").append(escape(yes))
                    .append("</button><button type=\"submit\" name=\"decision\" value=\"reject\">").append(escape(no))
                    .append("</button></form>");
        } else {
            html.append("<p class=\"state\">Status: ").append(escape(state)).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String per(String unit) {
        switch (unit) {
            case "YEAR": return "per år";
            case "WEEK": return "per uke";
            case "DAY": return "per dag";
            default: return "per måned";
        }
    }

    static String kroner(long ore) {
        return "kr " + (ore / 100) + "," + String.format("%02d", ore % 100);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
