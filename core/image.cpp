// Writing and reading the compact dataset image (image.hpp). One templated description per model
// struct (io) serves both directions, so that the writer and the reader cannot drift apart.
#include "image.hpp"

#include <cstring>


namespace breachcheck {
namespace {

// Limits a hostile image cannot exceed (far above the real dataset).
constexpr std::uint32_t max_count = 200000;
constexpr std::uint32_t max_string = 1 << 20;

class Writer {
public:
    std::string out;
    bool french_only = false;
    static constexpr bool reading = false;

    void u32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
    void u8(std::uint8_t v) { out.push_back(static_cast<char>(v)); }
    void str(std::string& s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out += s;
    }
    void flag(bool& b) { u8(b ? 1 : 0); }
    void integer(int& v) { u32(static_cast<std::uint32_t>(v)); }
    void index(std::size_t& v) { u32(v == no_index ? 0xFFFFFFFFu : static_cast<std::uint32_t>(v)); }
    void source(std::size_t& v) { index(v); }
    void sources_known(std::size_t) {}
    template <typename E>
    void enumeration(E& e, std::uint8_t) { u8(static_cast<std::uint8_t>(e)); }
    template <typename T, typename F>
    void seq(std::vector<T>& v, F&& each) {
        u32(static_cast<std::uint32_t>(v.size()));
        for (T& x : v) each(x);
    }
    bool ok() const { return true; }
};

class Reader {
public:
    const unsigned char* data;
    std::size_t size, pos = 0;
    std::string error;
    bool french_only = false;
    static constexpr bool reading = true;

    Reader(std::string_view bytes, std::size_t start)
        : data(reinterpret_cast<const unsigned char*>(bytes.data())), size(bytes.size()), pos(start) {}

    bool ok() const { return error.empty(); }
    void fail(const std::string& what) {
        if (error.empty()) error = what + " at byte " + std::to_string(pos);
        pos = size;  // every later read fails fast and returns zeros
    }
    std::uint32_t u32() {
        if (pos > size || size - pos < 4) {
            fail("truncated image");
            return 0;
        }
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(data[pos + static_cast<std::size_t>(i)]) << (8 * i);
        pos += 4;
        return v;
    }
    std::uint8_t u8() {
        if (pos >= size) {
            fail("truncated image");
            return 0;
        }
        return data[pos++];
    }
    void u32(std::uint32_t& v) { v = u32(); }
    void str(std::string& s) {
        const std::uint32_t n = u32();
        if (n > max_string || n > size - pos) {
            fail("string longer than the image");
            return;
        }
        s.assign(reinterpret_cast<const char*>(data + pos), n);
        pos += n;
    }
    void flag(bool& b) {
        const std::uint8_t v = u8();
        if (v > 1) fail("invalid boolean");
        b = v == 1;
    }
    void integer(int& v) { v = static_cast<int>(u32()); }
    void index(std::size_t& v) {
        const std::uint32_t x = u32();
        v = x == 0xFFFFFFFFu ? no_index : x;
    }
    // A source reference is checked as it is read: the sources come first in the image, so no
    // field that cites one, whatever struct it sits in, can point past them.
    std::size_t source_count = 0;
    void sources_known(std::size_t n) { source_count = n; }
    void source(std::size_t& v) {
        index(v);
        if (ok() && v >= source_count) fail("source index out of range");
    }
    template <typename E>
    void enumeration(E& e, std::uint8_t count) {
        const std::uint8_t v = u8();
        if (v >= count) fail("invalid enumeration value");
        e = static_cast<E>(v < count ? v : 0);
    }
    template <typename T, typename F>
    void seq(std::vector<T>& v, F&& each) {
        const std::uint32_t n = u32();
        // Every element takes at least one byte: a count beyond the bytes left is a lie.
        if (n > max_count || n > size - pos) {
            fail("count larger than the image");
            return;
        }
        v.resize(n);
        for (T& x : v) {
            if (!ok()) return;
            each(x);
        }
    }
};

template <typename A>
void io(A& a, LocalText& t) {
    a.str(t.fr);
    if (!a.french_only) a.str(t.en);  // French-only: en stays empty (LocalText::get falls back)
}

template <typename A>
void io(A& a, SourceRefs& refs) {
    a.seq(refs, [&](std::size_t& k) { a.source(k); });
}

template <typename A>
void io(A& a, std::vector<std::string>& list) {
    a.seq(list, [&](std::string& s) { a.str(s); });
}

template <typename A>
void io(A& a, Sourced& s) {
    io(a, s.text);
    io(a, s.sources);
}

template <typename A>
void io(A& a, ClassList& c) {
    io(a, c.classes);
    io(a, c.sources);
}

template <typename A>
void io(A& a, std::vector<Verdict>& list) {
    a.seq(list, [&](Verdict& v) { a.enumeration(v, 5); });
}

template <typename A>
void io(A& a, Link& l) {
    a.str(l.url);
    io(a, l.label);
}

template <typename A>
void io(A& a, std::vector<Alias>& list) {
    a.seq(list, [&](Alias& x) {
        a.str(x.name);
        a.enumeration(x.kind, 3);
        io(a, x.text);
        io(a, x.sources);
    });
}

template <typename A>
void io(A& a, Contact& c) {
    a.enumeration(c.kind, 4);
    a.str(c.value);
    io(a, c.label);
    io(a, c.sources);
}

template <typename A>
void io(A& a, Scope& s) {
    a.index(s.incident);
    a.enumeration(s.status, 4);
    a.flag(s.uncertain);
    io(a, s.text);
    io(a, s.sources);
    a.flag(s.has_coverage);
    a.str(s.coverage.from);
    a.str(s.coverage.to);
    a.flag(s.coverage.inferred);
    io(a, s.coverage.text);
    io(a, s.coverage.sources);
    io(a, s.networks);
    io(a, s.contracts);
    io(a, s.extra_exposed);
    a.flag(s.has_outside);
    a.enumeration(s.outside.verdict, 5);
    io(a, s.outside.text);
    io(a, s.outside.sources);
}

template <typename A>
void io(A& a, Incident& inc) {
    a.str(inc.id);
    a.enumeration(inc.kind, 2);
    a.enumeration(inc.mode, 2);
    a.index(inc.operator_index);
    io(a, inc.name);
    io(a, inc.summary);
    io(a, inc.short_name);
    a.str(inc.attack_window.end);
    io(a, inc.attack_window.text);
    io(a, inc.attack_window.sources);
    a.seq(inc.facts, [&](Fact& f) {
        a.str(f.id);
        a.enumeration(f.kind, 7);
        a.str(f.date);
        io(a, f.text);
        io(a, f.sources);
    });
    io(a, inc.exposed);
    io(a, inc.not_exposed);
    io(a, inc.card_evidence);
    a.flag(inc.has_pro);
    io(a, inc.pro.exposed);
    io(a, inc.pro.text);
    io(a, inc.pro.sources);
    a.seq(inc.criteria, [&](Criterion& c) {
        a.index(c.question);
        io(a, c.in);
        io(a, c.partial);
        io(a, c.out);
        io(a, c.text);
        io(a, c.sources);
    });
    io(a, inc.no_statement);
    io(a, inc.who_can_tell);
    a.seq(inc.routes, [&](Link& l) { io(a, l); });
}

template <typename A>
void io(A& a, Action& x) {
    a.str(x.id);
    a.integer(x.priority);
    io(a, x.title);
    io(a, x.text);
    io(a, x.why);
    a.seq(x.points, [&](LocalText& t) { io(a, t); });
    a.seq(x.links, [&](Link& l) { io(a, l); });
    io(a, x.sources);
    io(a, x.verdicts);
    io(a, x.classes_any);
    io(a, x.roles);
    io(a, x.incidents_any);
    io(a, x.first_for);
    a.flag(x.emergency);
    a.flag(x.from_overlay);
}

template <typename A>
void io(A& a, Overlay& ov) {
    a.flag(ov.present);
    a.str(ov.id);
    a.str(ov.sha256);
    a.index(ov.organization);
    a.flag(ov.lock);
    a.str(ov.lang);
    a.seq(ov.notes, [&](OverlayNote& n) {
        a.index(n.incident);
        io(a, n.text);
        io(a, n.sources);
    });
    a.seq(ov.contacts, [&](Contact& c) { io(a, c); });
    a.flag(ov.has_notification);
    a.str(ov.notification_date);
    io(a, ov.notification_text);
    Theme& t = ov.theme;
    a.str(t.accent);
    a.str(t.accent_text);
    a.str(t.background);
    a.str(t.text);
    a.integer(t.radius);
    a.str(t.font);
    a.flag(t.applied);
    a.str(t.fallback_reason);
    a.str(t.muted);
    a.str(t.accent_ink);
    a.str(t.accent_soft);
    io(a, ov.replaced_incidents);
}

template <typename A>
void io(A& a, Dataset& ds) {
    a.integer(ds.schema_version);
    io(a, ds.languages);
    a.french_only = ds.languages.size() == 1;
    a.str(ds.dataset_version);
    a.str(ds.date);
    a.str(ds.jurisdiction);
    a.str(ds.source_sha256);
    a.str(ds.corrections.email);
    a.str(ds.corrections.url);
    a.seq(ds.sources, [&](Source& s) {
        a.str(s.id);
        a.str(s.url);
        a.str(s.publisher);
        a.str(s.date);
        a.str(s.accessed);
        a.str(s.title);
        a.str(s.note);
        a.enumeration(s.confidence, 3);
        a.flag(s.from_overlay);
    });
    a.sources_known(ds.sources.size());
    a.seq(ds.glossary, [&](GlossaryTerm& g) {
        a.str(g.id);
        io(a, g.term);
        io(a, g.text);
        io(a, g.match);
    });
    a.seq(ds.data_classes, [&](DataClass& c) {
        a.str(c.id);
        io(a, c.label);
        a.str(c.gloss);
    });
    a.seq(ds.operators, [&](Operator& o) {
        a.str(o.id);
        a.str(o.name);
        io(a, o.aliases);
        io(a, o.about);
    });
    a.seq(ds.incidents, [&](Incident& inc) { io(a, inc); });
    a.seq(ds.networks, [&](Network& n) {
        a.str(n.id);
        a.str(n.name);
        io(a, n.aliases);
        a.seq(n.links, [&](NetworkLink& l) {
            a.index(l.incident);
            a.enumeration(l.kind, 3);
            io(a, l.text);
            io(a, l.sources);
        });
    });
    a.seq(ds.organizations, [&](Organization& o) {
        a.str(o.id);
        a.str(o.name);
        io(a, o.detail);
        a.enumeration(o.kind, 7);
        a.str(o.group);
        io(a, o.aliases);
        io(a, o.amc);
        a.flag(o.has_note);
        io(a, o.note);
        a.seq(o.contacts, [&](Contact& c) { io(a, c); });
        a.seq(o.scopes, [&](Scope& s) { io(a, s); });
    });
    a.seq(ds.umbrellas, [&](Umbrella& u) {
        a.str(u.id);
        a.str(u.name);
        a.enumeration(u.kind, 4);
        io(a, u.aliases);
        io(a, u.about);
        a.seq(u.candidates, [&](std::size_t& k) { a.index(k); });
    });
    a.seq(ds.questions, [&](Question& q) {
        a.str(q.id);
        a.enumeration(q.kind, 5);
        io(a, q.text);
        io(a, q.help);
        a.seq(q.options, [&](Option& o) {
            a.str(o.id);
            io(a, o.label);
            a.flag(o.has_period);
            a.str(o.period.from);
            a.str(o.period.to);
        });
    });
    a.seq(ds.actions, [&](Action& x) { io(a, x); });
    // The rule texts, as (id, text, sources) in id order.
    if constexpr (A::reading) {
        std::vector<std::string> ids;
        std::vector<RuleText> texts;
        io(a, ids);
        a.seq(texts, [&](RuleText& r) {
            io(a, r.text);
            io(a, r.sources);
        });
        if (ids.size() != texts.size()) a.fail("rule texts do not match their ids");
        for (std::size_t i = 0; i < ids.size() && i < texts.size(); ++i) ds.rules.emplace(ids[i], std::move(texts[i]));
    } else {
        std::vector<std::string> ids;
        std::vector<RuleText> texts;
        for (auto& [id, r] : ds.rules) {
            ids.push_back(id);
            texts.push_back(r);
        }
        io(a, ids);
        a.seq(texts, [&](RuleText& r) {
            io(a, r.text);
            io(a, r.sources);
        });
    }
    io(a, ds.overlay);
}

}  // namespace

std::string write_image(const Dataset& ds) {
    Writer w;
    w.out.append(image_magic.data(), image_magic.size());
    w.u32(image_format_version);
    w.u32(static_cast<std::uint32_t>(ds.schema_version));
    w.u32(0);  // payload length, filled below
    const std::size_t start = w.out.size();
    Dataset copy = ds;  // io() takes the model by reference for both directions
    if (copy.source_sha256.empty()) copy.source_sha256 = copy.sha256;
    io(w, copy);
    const auto length = static_cast<std::uint32_t>(w.out.size() - start);
    for (int i = 0; i < 4; ++i) w.out[start - 4 + static_cast<std::size_t>(i)] = static_cast<char>((length >> (8 * i)) & 0xFF);
    return w.out;
}

bool looks_like_image(std::string_view bytes) { return bytes.substr(0, image_magic.size()) == image_magic; }

ImageResult read_image(std::string_view bytes) {
    ImageResult result;
    if (bytes.size() > max_dataset_bytes) {
        result.error = "image too large (" + std::to_string(bytes.size()) + " bytes)";
        return result;
    }
    if (!looks_like_image(bytes)) {
        result.error = "not a dataset image (bad magic number)";
        return result;
    }
    Reader r(bytes, image_magic.size());
    const std::uint32_t format = r.u32();
    const std::uint32_t schema = r.u32();
    const std::uint32_t length = r.u32();
    if (r.ok() && format != image_format_version) {
        result.error = "image format " + std::to_string(format) + " (this engine reads format " + std::to_string(image_format_version) + ")";
        return result;
    }
    if (r.ok() && length != bytes.size() - r.pos) {
        result.error = "image length does not match (" + std::to_string(length) + " bytes announced, " + std::to_string(bytes.size() - r.pos) + " present)";
        return result;
    }
    auto ds = std::make_unique<Dataset>();
    io(r, *ds);
    if (r.ok() && r.pos != bytes.size()) r.fail("bytes left after the dataset");
    if (r.ok() && static_cast<std::uint32_t>(ds->schema_version) != schema) r.fail("schema version differs from the header");
    if (r.ok() && schema != static_cast<std::uint32_t>(supported_schema_version)) {
        r.fail("dataset schema version " + std::to_string(schema) + " (this engine reads version " + std::to_string(supported_schema_version) + ")");
    }
    if (!r.ok()) {
        result.error = r.error;
        return result;
    }
    // Structure read: now the references and invariants the engine relies on.
    const std::vector<ValidationError> problems = check_model(*ds);
    if (!problems.empty()) {
        result.error = "inconsistent image: " + problems.front().path + ": " + problems.front().message;
        return result;
    }
    result.dataset = std::move(ds);
    return result;
}

}  // namespace breachcheck
