-- The vector index of each embedding model becomes IVFFlat (src/store/vector-index.ts): at 100k
-- messages it finds the true neighbours where HNSW lost whole clusters of near-identical texts. The
-- HNSW indexes go; a worker builds each model's IVFFlat index when it starts (fitModelIndex), and
-- searches scan exactly until then.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT index_name FROM embedding_models LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I', r.index_name);
  END LOOP;
END
$$;
UPDATE embedding_models SET index_name = replace(index_name, 'message_embeddings_hnsw_', 'message_embeddings_ivf_');
