package no.dialog.core.template;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of a contact's attributes in which every key is present, absent ones with a null
 * value. The engine runs with strict variables so that misspelt merge fields fail; attribute names are
 * the organisation's own and vary per person, so a missing one must read as empty, not fail the send.
 */
final class OptionalKeysMap extends AbstractMap<String, Object> {

    private final Map<String, Object> values;

    OptionalKeysMap(Map<String, Object> values) {
        this.values = values;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return values.entrySet();
    }
}
