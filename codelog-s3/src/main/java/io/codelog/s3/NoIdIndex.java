package io.codelog.s3;

import io.codelog.core.CodeLog;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The index of a store without one: nothing recorded, every id free, every lookup a search. */
enum NoIdIndex implements IdIndex {
    INSTANCE;

    @Override
    public boolean records() {
        return false;
    }

    @Override
    public Claim claim(String operation, String key, CodeLog log) {
        return Claim.CLAIMED;
    }

    @Override
    public void remove(String operation, String id) {}

    @Override
    public void record(String operation, String key, CodeLog log) {}

    @Override
    public Optional<IdIndexEntry> find(String operation, String id) {
        return Optional.empty();
    }

    @Override
    public String whereIs(String id) {
        return "nowhere: there is no id index";
    }

    @Override
    public List<String> keysDeletedWith(String id) {
        return List.of();
    }

    @Override
    public void forget(String operation, Collection<String> ids) {}
}
