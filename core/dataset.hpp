// The dataset model: immutable after load, read from JSON (loader/, strict, with JSON paths) or
// from the compact image the site ships (image.hpp). docs/dataset.md describes every field.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vocab.hpp"

namespace breachcheck {

inline constexpr std::size_t no_index = static_cast<std::size_t>(-1);

struct LocalText {
    std::string fr;
    std::string en;
    // A French-only dataset keeps no English (en is empty): English readers get the French.
    const std::string& get(Lang lang) const { return lang == Lang::en && !en.empty() ? en : fr; }
    bool empty() const { return fr.empty(); }
};

using SourceRefs = std::vector<std::size_t>;  // indices into Dataset::sources

struct Source {
    // `date` is the publication date, or "undated" for a page that shows none; then `accessed`
    // (when the copy was read) is required, so that no reading date passes for a publication date.
    std::string id, url, publisher, date, accessed, title, note;
    Confidence confidence = Confidence::weak;
    bool from_overlay = false;  // published by the insurer in its overlay
};

struct Sourced {
    LocalText text;
    SourceRefs sources;
};

struct DataClass {
    std::string id;
    LocalText label;
    std::string gloss;  // glossary term explaining it, "" = none
};

struct ClassList {
    std::vector<std::string> classes;
    SourceRefs sources;
};

struct Fact {
    std::string id;
    FactKind kind = FactKind::note;
    std::string date;  // "" when the fact has no single date
    LocalText text;
    SourceRefs sources;
};

struct AttackWindow {
    std::string end;  // last day the attackers could copy data: later memberships are not on the file
    LocalText text;
    SourceRefs sources;
};

struct ProSide {
    ClassList exposed;
    LocalText text;
    SourceRefs sources;
};

struct Link {
    std::string url;
    LocalText label;
};

// One condition of an incident decided by criteria: the answer to `question` is inside (`in`),
// partly inside (`partial`: one published version includes it, another not), or outside (`out`).
struct Criterion {
    std::size_t question = no_index;  // index into Dataset::questions
    std::vector<std::string> in, partial, out;
    LocalText text;  // what the sources say about this condition
    SourceRefs sources;
};

struct Incident {
    std::string id;
    IncidentKind kind = IncidentKind::assessed;
    IncidentMode mode = IncidentMode::insurer_operator;
    std::size_t operator_index = no_index;  // insurer_operator: index into Dataset::operators
    LocalText name, summary;
    LocalText short_name;  // where space is short ("Itélis 2025"); empty: the operator's name, else name
    AttackWindow attack_window;
    std::vector<Fact> facts;
    ClassList exposed, not_exposed;
    Sourced card_evidence;       // insurer_operator: what a card naming the operator means
    bool has_pro = false;
    ProSide pro;
    std::vector<Criterion> criteria;  // criteria mode
    Sourced no_statement;             // criteria mode: that nobody published a statement
    LocalText who_can_tell;           // informational: who can say whether you are in it
    std::vector<Link> routes;         // informational: official routes
};

struct Alias {
    std::string name;
    AliasKind kind = AliasKind::alias;
    LocalText text;  // former names and brands: what the link is
    SourceRefs sources;
};

// A tiers-payant operator people may read on their card (Viamedis, Almerys, SP Santé…).
struct Operator {
    std::string id, name;
    std::vector<Alias> aliases;
    Sourced about;  // what is known of it (e.g. "reported not concerned")
};

struct NetworkLink {
    std::size_t incident = 0;
    LinkKind kind = LinkKind::partner;
    LocalText text;
    SourceRefs sources;
};

struct Network {
    std::string id, name;
    std::vector<Alias> aliases;
    std::vector<NetworkLink> links;
};

// A name that covers several insurers (a manager, a bank group, a product): never guessed, it
// asks which insurer is on the card.
struct Umbrella {
    std::string id, name;
    UmbrellaKind kind = UmbrellaKind::manager;
    std::vector<Alias> aliases;
    Sourced about;
    std::vector<std::size_t> candidates;  // indices into Dataset::organizations
};

struct Coverage {
    std::string from, to;  // empty = open-ended
    bool inferred = false;  // a boundary the organization did not publish
    LocalText text;
    SourceRefs sources;
};

struct Outside {
    Verdict verdict = Verdict::unknown;  // not_affected or unknown
    LocalText text;
    SourceRefs sources;
};

struct Scope {
    std::size_t incident = 0;
    ScopeStatus status = ScopeStatus::current;
    bool uncertain = false;
    LocalText text;
    SourceRefs sources;
    bool has_coverage = false;
    Coverage coverage;
    std::vector<std::string> networks;
    std::vector<std::string> contracts;  // named contracts (their option ids: slug_of(name))
    ClassList extra_exposed;
    bool has_outside = false;
    Outside outside;
};

struct Contact {
    ContactKind kind = ContactKind::web;
    std::string value;
    LocalText label;
    SourceRefs sources;
};

struct Organization {
    std::string id, name;
    LocalText detail;  // shown after the name ("contrats santé assurés par …"), not searched
    OrgKind kind = OrgKind::mutuelle;
    std::string group;
    std::vector<Alias> aliases;
    std::vector<std::string> amc;
    bool has_note = false;
    LocalText note;
    std::vector<Contact> contacts;
    std::vector<Scope> scopes;
};

struct Period {
    std::string from, to;  // YYYY, YYYY-MM or YYYY-MM-DD; empty = open
};

struct Option {
    std::string id;
    LocalText label;
    bool has_period = false;  // covered: when this answer says the person was covered
    Period period;
};

struct Question {
    std::string id;
    QuestionKind kind = QuestionKind::choice;
    LocalText text, help;
    std::vector<Option> options;  // the fixed ones; card, network, contract add generated ones
};

struct Action {
    std::string id;
    int priority = 0;
    LocalText title, text, why;
    std::vector<LocalText> points;  // a merged step's items ("scams to expect")
    std::vector<Link> links;
    SourceRefs sources;                       // who gives this advice, when it is someone's
    std::vector<Verdict> verdicts;            // empty = any
    std::vector<std::string> classes_any;     // empty = any
    std::vector<std::string> roles;           // empty = any
    std::vector<std::string> incidents_any;   // empty = judged on the overall verdict
    std::vector<Verdict> first_for;           // among the first steps for these verdicts
    bool emergency = false;                   // the "already clicked, paid or gave a code?" box
    bool from_overlay = false;
};

struct GlossaryTerm {
    std::string id;
    LocalText term, text;
    std::vector<std::string> match;  // folded phrases whose presence in a shown text calls it
};

// The engine's own sentences, with placeholders {org} {op} {date}: each rule of assess.cpp
// speaks through one of these (docs/dataset.md lists the ids). Sources, when the rule is about
// a fact; otherwise the reason cites the statement it applies to.
struct RuleText {
    LocalText text;
    SourceRefs sources;
};

struct Corrections {
    std::string email, url;  // where reports of an error go (one may be empty)
};

// What an insurer embedding the checker adds over the public dataset (docs/embedding.md).
struct Theme {
    // Only these tokens exist: no CSS text ever comes from an overlay.
    std::string accent, accent_text, background, text;  // "#rrggbb" or empty (default)
    int radius = -1;                                    // px, 0..24; -1 = default
    std::string font;                                   // system | sans | serif | rounded | ""
    bool applied = false;       // false when absent, or when its contrast would fail WCAG AA
    std::string fallback_reason;
    // Colours derived at load so that the page computes no contrast itself: muted text and the
    // accent used as text, both 4.5:1 on the background, and a soft accent tint for panels.
    std::string muted, accent_ink, accent_soft;
};

struct OverlayNote {
    std::size_t incident = 0;
    LocalText text;
    SourceRefs sources;
};

struct Overlay {
    bool present = false;
    std::string id, sha256;
    std::size_t organization = 0;  // index into Dataset::organizations
    bool lock = false;             // the page does not let people pick another insurer
    std::string lang;              // default page language, "" = the page's own
    std::vector<OverlayNote> notes;
    std::vector<Contact> contacts;
    bool has_notification = false;
    std::string notification_date;
    LocalText notification_text;
    Theme theme;
    std::vector<std::string> replaced_incidents;  // incidents whose scopes the overlay restates
};

// The one schema version this engine reads (JSON and image alike).
inline constexpr int supported_schema_version = 2;

struct Dataset {
    int schema_version = 0;
    std::string dataset_version, date, jurisdiction;
    // SHA-256 of the file this copy was loaded from (JSON text or image), and of the JSON it was
    // made from (the same for a JSON load): the page compares the first with the manifest.
    std::string sha256, source_sha256;
    // The languages every text has: {"fr", "en"}, or {"fr"} for a French-only copy, whose
    // English texts are the French ones.
    std::vector<std::string> languages{"fr", "en"};
    Corrections corrections;
    std::vector<Source> sources;
    std::vector<DataClass> data_classes;
    std::vector<GlossaryTerm> glossary;
    std::vector<Operator> operators;
    std::vector<Incident> incidents;
    std::vector<Network> networks;
    std::vector<Organization> organizations;
    std::vector<Umbrella> umbrellas;
    std::vector<Question> questions;
    std::vector<Action> actions;
    std::map<std::string, RuleText> rules;
    Overlay overlay;

    const Organization* find_org(std::string_view id) const;
    const Network* find_network(std::string_view id) const;
    const Operator* find_operator(std::string_view id) const;
    const Umbrella* find_umbrella(std::string_view id) const;
    const DataClass* find_class(std::string_view id) const;
    const GlossaryTerm* find_term(std::string_view id) const;
    const Question* find_question(std::string_view id) const;
    const Incident* find_incident(std::string_view id) const;
    // The question of a fixed kind (card, covered, network, contract): there is exactly one.
    const Question* question_of(QuestionKind kind) const;
    const RuleText& rule(std::string_view id) const;  // validated present; empty text otherwise
    std::size_t org_index(const Organization& org) const { return static_cast<std::size_t>(&org - organizations.data()); }
};

// Every rule text assess.cpp speaks with, and whether it must carry its own sources (true) or
// cites the statement it applies to (false). The validator requires each one.
struct RuleSpec {
    std::string_view id;
    bool own_sources;
};
extern const std::array<RuleSpec, 16> rule_specs;

// The option id of a contract named in a scope: its folded name, words joined by '-'.
std::string slug_of(std::string_view name);

// A dataset date as a comparable day "YYYY-MM-DD": a year or month is widened to its first day
// (`end` false) or its last day (`end` true). "" stays "".
std::string day_of(std::string_view date, bool end);

struct ValidationError {
    std::string path;     // JSON pointer, "" for the whole document
    std::string message;
};

// Largest dataset text accepted, and deepest nesting: both far above the real dataset, and low
// enough that hostile input cannot exhaust memory or the stack.
inline constexpr std::size_t max_dataset_bytes = 16 * 1024 * 1024;
inline constexpr std::size_t max_overlay_bytes = 1024 * 1024;
inline constexpr std::size_t max_json_depth = 32;

// The answers every question accepts besides its own options, and the network answers that are
// not networks of the dataset.
inline constexpr std::array<std::string_view, 3> network_fixed_answers = {"other", "none", "unknown"};

// Checks the invariants the engine relies on (indices in range, enums valid, references
// resolved). The JSON loader guarantees them; the image reader calls this on what it read.
std::vector<ValidationError> check_model(const Dataset& ds);

}  // namespace breachcheck
