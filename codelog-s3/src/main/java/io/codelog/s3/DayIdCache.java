package io.codelog.s3;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Which log ids each recently listed day prefix held, shared by the lookups of one store for a short while, so
 * that lookups of ids that are not there (a caller sending random ids) cost no LIST once a day has been listed.
 * Each day keeps a sorted array of 64-bit hashes of its ids (8 bytes a log; a hash that collides only costs a
 * listing), plus the ids this store writes there meanwhile. A day is listed again once its listing is older than
 * the time to live, so a log that another writer (the Go service, the Python engine) put there meanwhile is found
 * within that time. Days with more than {@value #MAX_IDS_PER_DAY} logs, and more than {@value #MAX_DAYS} days at
 * once, are not kept.
 */
final class DayIdCache {

    static final int MAX_IDS_PER_DAY = 1_000_000;
    static final int MAX_DAYS = 64;

    private final ListingLifetime lifetime;
    private final Map<String, DayIds> days = new ConcurrentHashMap<>();
    private final Map<String, Set<Listing>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param ttl how long a day's listing answers lookups; zero keeps nothing
     * @param clock the store's clock, which ages the listings
     */
    DayIdCache(Duration ttl, Clock clock) {
        this.lifetime = new ListingLifetime(ttl, clock);
    }

    /** Whether the cache keeps anything. */
    boolean enabled() {
        return lifetime.keepsAnything();
    }

    /** The ids of a day prefix as recently listed, or null when it was not listed within the time to live. */
    @Nullable
    DayIds get(String prefix) {
        DayIds ids = days.get(prefix);
        if (ids == null || lifetime.expired(ids.listedAt)) {
            return null;
        }
        return ids;
    }

    /**
     * Starts a listing of a whole day prefix: from now until {@link #finish}, ids this store writes there are kept
     * with it, since the listing may have been taken before they landed.
     */
    Listing startListing(String prefix) {
        Listing listing = new Listing(prefix, lifetime.now());
        inFlight.compute(prefix, (key, listings) -> {
            Set<Listing> all = listings == null ? ConcurrentHashMap.newKeySet() : listings;
            all.add(listing);
            return all;
        });
        return listing;
    }

    /** Keeps a listing of a whole day prefix with the ids written there since it started, unless it is too large. */
    void put(Listing listing, long[] idHashes) {
        if (!enabled() || idHashes.length > MAX_IDS_PER_DAY) {
            return;
        }
        long[] sorted = idHashes.clone();
        Arrays.sort(sorted);
        lifetime.evictExpired(days, ids -> ids.listedAt);
        if (days.size() >= MAX_DAYS && !days.containsKey(listing.prefix)) {
            return;
        }
        // The listing's own set, not a copy: a write recorded in it until finish() stays visible in the entry.
        days.put(listing.prefix, new DayIds(sorted, listing.listedAt, listing.written));
    }

    /** Ends a listing, kept or not; must follow every {@link #startListing}. */
    void finish(Listing listing) {
        inFlight.computeIfPresent(listing.prefix, (key, listings) -> {
            listings.remove(listing);
            return listings.isEmpty() ? null : listings;
        });
    }

    /**
     * Records an id this store wrote under a day prefix, so that a kept listing of that day holds it too, and so
     * does a listing of it under way, which may have missed it.
     */
    void written(String prefix, String id) {
        long hash = hash(id);
        // Listings under way first: one that ends meanwhile has put its entry before, which the lines below reach.
        Set<Listing> listings = inFlight.get(prefix);
        if (listings != null) {
            listings.forEach(listing -> listing.written.add(hash));
        }
        DayIds ids = days.get(prefix);
        if (ids != null) {
            ids.written.add(hash);
        }
    }

    /** A 64-bit FNV-1a hash of an id's characters. */
    static long hash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** A listing of a day prefix under way: when it started, and the ids this store wrote there since. */
    static final class Listing {
        private final String prefix;
        private final long listedAt;
        private final Set<Long> written = ConcurrentHashMap.newKeySet();

        private Listing(String prefix, long listedAt) {
            this.prefix = prefix;
            this.listedAt = listedAt;
        }
    }

    /** The ids one listing of a day prefix found, and those this store wrote there since it started. */
    static final class DayIds {
        private final long[] sortedHashes;
        private final long listedAt;
        private final Set<Long> written;

        private DayIds(long[] sortedHashes, long listedAt, Set<Long> written) {
            this.sortedHashes = sortedHashes;
            this.listedAt = listedAt;
            this.written = written;
        }

        /** Whether the day may hold the id: false means it surely did not when it was listed. */
        boolean mayHold(String id) {
            long hash = hash(id);
            return Arrays.binarySearch(sortedHashes, hash) >= 0 || written.contains(hash);
        }
    }
}
