import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { tokenize } from './search-tokenize.js';

describe('the search tokenizer', () => {
  it('splits a Japanese sentence into words, keeping kanji compounds ICU does not know', () => {
    const words = tokenize('同じイベントが二度届いても結果が変わらない冪等性を、ハンドラーで保証します。');
    expect(words).toEqual(expect.arrayContaining(['イベント', '結果', '冪等性', 'ハンドラー', '保証']));
    expect(words).not.toContain('、');
  });

  it('splits English on spaces and punctuation, as MiniSearch does', () => {
    expect(tokenize('Event-driven: retries, then batchSize.')).toEqual(['Event', 'driven', 'retries', 'then', 'batchSize']);
  });

  it('stands alone: rebuilt from its source text, as VitePress does in the browser, it still works', () => {
    const rebuilt = new Function(`return ${tokenize.toString()}`)() as typeof tokenize;
    expect(rebuilt('冪等性を保つ')).toEqual(tokenize('冪等性を保つ'));
  });

  it('lets a search for a word in the middle of a Japanese sentence find its page', () => {
    const pages = [
      { id: 'idempotency', text: '同じイベントが二度届いても結果が変わらない冪等性を、ハンドラーで保証します。' },
      { id: 'breaker', text: 'サーキットブレーカーは、失敗が続く依存先への呼び出しを止めて、性能の低下を防ぎます。' },
      { id: 'streams', text: 'DynamoDB Streams はテーブルへの変更を順番どおりに届けます。' },
    ];
    const withSegmenter = new MiniSearch({ fields: ['text'], tokenize });
    withSegmenter.addAll(pages);
    expect(withSegmenter.search('冪等性', { prefix: true, fuzzy: 0.2 })[0]?.id).toBe('idempotency');
    expect(withSegmenter.search('ストリーム', { prefix: true })).toEqual([]);
    expect(withSegmenter.search('変更', { prefix: true })[0]?.id).toBe('streams');

    // What the default tokenizer does with the same text: the word is lost inside its sentence.
    const byDefault = new MiniSearch({ fields: ['text'] });
    byDefault.addAll(pages);
    expect(byDefault.search('冪等性', { prefix: true, fuzzy: 0.2 })).toEqual([]);
  });
});
