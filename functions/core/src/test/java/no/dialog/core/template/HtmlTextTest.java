package no.dialog.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void escapesTheFiveHtmlCharacters() {
        assertThat(HtmlText.escape("<a href=\"x\">'&'</a>æ"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;æ");
    }

    @Test
    void textPartKeepsLinesAndDropsMarkup() {
        String html = "<html><head><style>p{color:red}</style></head><body>\n"
                + "<h1>Hei Kari</h1>\n<p>Takk for  støtten.<br>Hilsen oss</p>"
                + "<script>alert(1)</script><!-- note --><p>&lt;b&gt; &amp; &aelig;&oslash;&aring; &#229; &#xE5;&nbsp;x &bogus;</p>"
                + "</body></html>";
        assertThat(HtmlText.toText(html)).isEqualTo("Hei Kari\n\nTakk for støtten.\nHilsen oss\n<b> & æøå å å x &bogus;");
    }
}
