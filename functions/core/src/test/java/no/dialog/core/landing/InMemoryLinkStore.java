package no.dialog.core.landing;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LinkStore} in memory, for tests. */
final class InMemoryLinkStore implements LinkStore {

    final Map<String, StoredLink> links = new ConcurrentHashMap<>();
    final Map<String, Map<String, String>> sealed = new ConcurrentHashMap<>();
    final Map<String, String> claims = new ConcurrentHashMap<>();

    @Override
    public boolean create(StoredLink link) {
        return links.putIfAbsent(link.linkId(), link) == null;
    }

    @Override
    public Optional<StoredLink> find(String linkId) {
        return Optional.ofNullable(links.get(linkId));
    }

    @Override
    public synchronized boolean recordSubmission(String linkId, String submissionId, Instant at, Map<String, String> values) {
        StoredLink link = links.get(linkId);
        if (link == null || link.submissions().contains(submissionId)) {
            return false;
        }
        Set<String> submissions = new HashSet<>(link.submissions());
        submissions.add(submissionId);
        links.put(linkId, new StoredLink(linkId, link.keyVersion(), link.binding(), submissions,
                link.firstUsedAt() == null ? at : link.firstUsedAt()));
        sealed.put(submissionId, values);
        return true;
    }

    @Override
    public synchronized boolean claimOnce(String linkId, String submissionId) {
        StoredLink link = links.get(linkId);
        if (link == null) {
            return false;
        }
        boolean othersRecorded = link.submissions().stream().anyMatch(s -> !s.equals(submissionId));
        return !othersRecorded && claims.computeIfAbsent(linkId, id -> submissionId).equals(submissionId);
    }
}
