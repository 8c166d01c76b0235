/**
 * What a landing page asks: the page a journey's send step carries ({@code page} in the journey's JSON),
 * its questions, choices and texts, its JSON form and the values its answers can have. A definition only,
 * read by the journey (a send step's page), by landing (which shows the page and applies the answers) and by
 * payment (the amounts a page asks for). No package here depends on landing's runtime; see
 * docs/adr/0021-architecture-rules.md.
 */
package no.dialog.core.page;
