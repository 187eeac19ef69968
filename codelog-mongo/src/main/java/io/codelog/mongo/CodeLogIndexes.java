package io.codelog.mongo;

import static io.codelog.mongo.CodeLogDocumentMapper.CODE_ID;
import static io.codelog.mongo.CodeLogDocumentMapper.CREATED_AT;
import static io.codelog.mongo.CodeLogDocumentMapper.CREATED_AT_NS;
import static io.codelog.mongo.CodeLogDocumentMapper.ID;
import static io.codelog.mongo.CodeLogDocumentMapper.RUN_ID;

import java.util.List;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

/** The named indexes that serve the store's listings, counts and retention deletes. */
final class CodeLogIndexes {

    static final String BY_RUN = "codelog_run_id_created_at";
    static final String BY_CODE = "codelog_code_id_created_at";
    static final String BY_CREATED_AT = "codelog_created_at";

    /** Every index the store creates, by name. */
    static final List<String> NAMES = List.of(BY_RUN, BY_CODE, BY_CREATED_AT);

    private CodeLogIndexes() {}

    /** Creates the indexes; creating an index that already exists with the same name and keys does nothing. */
    static void create(IndexOperations indexes) {
        indexes.createIndex(inListingOrder(RUN_ID).named(BY_RUN));
        indexes.createIndex(inListingOrder(CODE_ID).named(BY_CODE));
        indexes.createIndex(new Index().on(CREATED_AT, Direction.ASC).named(BY_CREATED_AT));
    }

    private static Index inListingOrder(String idField) {
        return new Index()
                .on(idField, Direction.ASC)
                .on(CREATED_AT, Direction.ASC)
                .on(CREATED_AT_NS, Direction.ASC)
                .on(ID, Direction.ASC);
    }
}
