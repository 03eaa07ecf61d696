-- Knowledge passages are also found by their words (full-text search), beside their vectors: a small
-- embedder scores "How long does a refund take?" 0.19 against the refund policy, which says "refund"
-- six times. `search` holds the title (weight A) and the chunk's words, stemmed in the article's
-- language; an article without one is read word for word ('simple').
CREATE OR REPLACE FUNCTION parley_text_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lower(language)
    WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig WHEN 'de' THEN 'german'::regconfig
    WHEN 'es' THEN 'spanish'::regconfig WHEN 'pt' THEN 'portuguese'::regconfig WHEN 'it' THEN 'italian'::regconfig
    WHEN 'nl' THEN 'dutch'::regconfig ELSE 'simple'::regconfig END
$$;

ALTER TABLE knowledge_chunks ADD COLUMN IF NOT EXISTS search tsvector;

UPDATE knowledge_chunks k
SET search = setweight(to_tsvector(parley_text_config(a.language), a.title), 'A') || to_tsvector(parley_text_config(a.language), k.text)
FROM knowledge_articles a WHERE a.id = k.article_id AND k.search IS NULL;
