-- A destroyed key leaves its row behind with no key: the subject's data stays erased, and what is
-- later written about it is stored as erased too, instead of under a new key that would make the
-- subject's earlier events undecryptable rather than erased.
ALTER TABLE personal_data_key ALTER COLUMN key DROP NOT NULL;
