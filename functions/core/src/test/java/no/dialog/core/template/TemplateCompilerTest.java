package no.dialog.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateCompilerTest {

    @Test
    void theCacheKeepsOneCompiledTemplatePerSourceAndStaysBounded() {
        TemplateCompiler compiler = new TemplateCompiler(3);
        CompiledTemplate first = compiler.compile("Hei {{ firstName }}").template();
        assertThat(compiler.compile("Hei {{ firstName }}").template()).isSameAs(first);
        for (int i = 0; i < 10; i++) {
            assertThat(compiler.compile("Tekst " + i).ok()).isTrue();
        }
        assertThat(compiler.cachedCount()).isEqualTo(3);
        assertThat(compiler.compile("Hei {{ firstName }}").template()).as("evicted, compiled again").isNotSameAs(first);
    }

    @Test
    void refusedTemplatesAreNotCached() {
        TemplateCompiler compiler = new TemplateCompiler(3);
        assertThat(compiler.compile("{{ nope }}").ok()).isFalse();
        assertThat(compiler.cachedCount()).isZero();
    }

    @Test
    void fieldsUsedAreRecordedPerTemplate() {
        TemplateCompiler compiler = new TemplateCompiler(3);
        assertThat(compiler.compile("{{ firstName }}{% if amount %}{{ link }}{% endif %}").template().fieldsUsed())
                .containsExactlyInAnyOrder("firstName", "amount", "link");
        assertThat(compiler.compile("{{ lastName }}").template().fieldsUsed()).containsExactly("lastName");
    }
}
