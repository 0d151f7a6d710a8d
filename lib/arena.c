/*
 * arena.c -- memory for the compiler.
 *
 * fgcc is a short-lived process: every IR node, string and table comes from
 * one bump arena and is released when the process exits. The growable output
 * buffer (Buf) lives on the heap because it can be large and is written once.
 */
#include "fgcc_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK_SIZE = 1 << 20 };

typedef struct Chunk {
  struct Chunk *next;
  size_t used, size;
  max_align_t data[];
} Chunk;

static Chunk *current;

static void *xcalloc(size_t n) {
  void *p = calloc(1, n);
  if (!p) {
    fprintf(stderr, "fgcc: error: out of memory\n");
    exit(1);
  }
  return p;
}

static void new_chunk(size_t need) {
  size_t size = need > CHUNK_SIZE ? need : CHUNK_SIZE;
  Chunk *c = xcalloc(sizeof(Chunk) + size);
  c->size = size;
  c->next = current;
  current = c;
}

/* Zeroed memory, aligned for any object. */
void *arena_alloc(size_t n) {
  n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
  if (n == 0)
    n = sizeof(max_align_t);
  if (!current || current->size - current->used < n)
    new_chunk(n);
  void *p = (char *)current->data + current->used;
  current->used += n;
  return p;
}

/* Free every chunk: all arena memory handed out so far becomes invalid. */
void arena_release(void) {
  while (current) {
    Chunk *next = current->next;
    free(current);
    current = next;
  }
}

char *arena_strndup(const char *s, size_t n) {
  char *p = arena_alloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *arena_strdup(const char *s) { return arena_strndup(s, strlen(s)); }

char *arena_printf(const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = arena_alloc((size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

void vec_push(Vec *v, void *p) {
  if (v->len == v->cap) {
    int cap = v->cap ? v->cap * 2 : 8;
    void **data = arena_alloc(sizeof(void *) * (size_t)cap);
    if (v->len)
      memcpy(data, v->data, sizeof(void *) * (size_t)v->len);
    v->data = data;
    v->cap = cap;
  }
  v->data[v->len++] = p;
}

/* FNV-1a: the slot a key starts probing at. */
static unsigned str_hash(const char *s) {
  unsigned h = 2166136261u;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* Open addressing with linear probing; cap is a power of two, at most half
 * full. */
static int strmap_slot(const StrMap *m, const char *key) {
  unsigned i = str_hash(key) & (unsigned)(m->cap - 1);
  while (m->keys[i] && strcmp(m->keys[i], key) != 0)
    i = (i + 1) & (unsigned)(m->cap - 1);
  return (int)i;
}

void *strmap_get(const StrMap *m, const char *key) {
  if (!m->cap)
    return NULL;
  int i = strmap_slot(m, key);
  return m->keys[i] ? m->vals[i] : NULL;
}

static void strmap_grow(StrMap *m) {
  StrMap old = *m;
  m->cap = old.cap ? old.cap * 2 : 64;
  m->keys = arena_alloc(sizeof(char *) * (size_t)m->cap);
  m->vals = arena_alloc(sizeof(void *) * (size_t)m->cap);
  for (int i = 0; i < old.cap; i++)
    if (old.keys[i]) {
      int j = strmap_slot(m, old.keys[i]);
      m->keys[j] = old.keys[i];
      m->vals[j] = old.vals[i];
    }
}

void strmap_put(StrMap *m, const char *key, void *val) {
  if (2 * (m->len + 1) > m->cap)
    strmap_grow(m);
  int i = strmap_slot(m, key);
  if (!m->keys[i]) {
    m->keys[i] = key;
    m->len++;
  }
  m->vals[i] = val;
}

static void buf_reserve(Buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap < b->len + extra + 1)
    cap *= 2;
  char *data = realloc(b->data, cap);
  if (!data) {
    fprintf(stderr, "fgcc: error: out of memory\n");
    exit(1);
  }
  b->data = data;
  b->cap = cap;
}

void buf_puts(Buf *b, const char *s) {
  size_t n = strlen(s);
  buf_reserve(b, n);
  memcpy(b->data + b->len, s, n + 1);
  b->len += n;
}

void buf_printf(Buf *b, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  buf_reserve(b, (size_t)n);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  b->len += (size_t)n;
}
