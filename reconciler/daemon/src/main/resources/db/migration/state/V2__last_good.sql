-- The last good commit per source (repo and branch): what live state follows.
CREATE TABLE last_good (
    source     VARCHAR(1000) PRIMARY KEY,
    commit_id  VARCHAR(64)   NOT NULL,
    good_since TIMESTAMP WITH TIME ZONE NOT NULL,
    run_id     BIGINT        NOT NULL
);
