// The welcome page (the app's first view): one card per demo with its lesson, what to notice, and a thumbnail drawn
// with ImGui's draw lists from a few shapes (not a live view: the idle page draws nothing between inputs).
#include "ui/app.h"
#include "ui/demo_panel.h"
#include "ui/responsive.h"
#include "ui/text/text_shell.h"
#include "ui/text/numbers.h"
#include "ui/text/text_welcome.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace conclab::ui {
namespace {

struct Card {
    std::string_view id;
    WelcomeText lesson, notice;
};

constexpr Card kCards[] = {
    {"system", WelcomeText::system_lesson, WelcomeText::system_notice},
    {"primes", WelcomeText::primes_lesson, WelcomeText::primes_notice},
    {"exhibition", WelcomeText::exhibition_lesson, WelcomeText::exhibition_notice},
    {"spinner", WelcomeText::spinner_lesson, WelcomeText::spinner_notice},
    {"wikipics", WelcomeText::wikipics_lesson, WelcomeText::wikipics_notice},
    {"lab", WelcomeText::lab_lesson, WelcomeText::lab_notice},
};

const Card* card_of(std::string_view id) {
    for (const auto& c : kCards)
        if (c.id == id) return &c;
    return nullptr;
}

constexpr ImU32 kBlue = IM_COL32(91, 156, 240, 255);
constexpr ImU32 kGreen = IM_COL32(110, 200, 120, 255);
constexpr ImU32 kAmber = IM_COL32(235, 180, 80, 255);
constexpr ImU32 kGrey = IM_COL32(120, 126, 138, 255);
constexpr ImU32 kLight = IM_COL32(225, 228, 235, 255);

// Each demo's picture in a few shapes: what its screen shows when it has run.
void draw_thumbnail(std::string_view id, ImDrawList* d, ImVec2 a, ImVec2 b) {
    const float w = b.x - a.x, h = b.y - a.y;
    d->AddRectFilled(a, b, IM_COL32(36, 40, 48, 255), 6.0f);
    const auto at = [&](float x, float y) { return ImVec2(a.x + x * w, a.y + y * h); };
    if (id == "system") {   // a grid of cores, each with a counter bar
        for (int i = 0; i < 8; ++i) {
            const float x = 0.06f + (i % 4) * 0.23f, y = 0.12f + (i / 4) * 0.42f;
            d->AddRect(at(x, y), at(x + 0.19f, y + 0.32f), kGrey, 3.0f, 0, 2.0f);
            d->AddRectFilled(at(x + 0.03f, y + 0.2f), at(x + 0.03f + 0.13f * (0.5f + 0.06f * i), y + 0.26f), kGreen, 2.0f);
        }
    } else if (id == "primes") {   // one long sequential bar, then four short parallel ones
        d->AddRectFilled(at(0.06f, 0.12f), at(0.94f, 0.26f), kAmber, 3.0f);
        for (int i = 0; i < 4; ++i)
            d->AddRectFilled(at(0.06f, 0.38f + i * 0.14f), at(0.06f + 0.22f + 0.03f * (i % 2), 0.47f + i * 0.14f), kBlue, 3.0f);
    } else if (id == "exhibition") {   // three small boards and her walking between them
        for (int board = 0; board < 3; ++board) {
            const float x0 = 0.06f + board * 0.31f;
            for (int r = 0; r < 4; ++r)
                for (int c = 0; c < 4; ++c) {
                    const ImU32 colour = (r + c) % 2 ? IM_COL32(90, 96, 110, 255) : IM_COL32(200, 204, 212, 255);
                    d->AddRectFilled(at(x0 + c * 0.065f, 0.14f + r * 0.13f), at(x0 + (c + 1) * 0.065f, 0.14f + (r + 1) * 0.13f), colour);
                }
        }
        d->AddCircleFilled(at(0.22f, 0.84f), h * 0.07f, kAmber);
        d->AddLine(at(0.26f, 0.84f), at(0.5f, 0.84f), kAmber, 2.0f);
        d->AddTriangleFilled(at(0.5f, 0.78f), at(0.5f, 0.9f), at(0.54f, 0.84f), kAmber);
    } else if (id == "wikipics") {   // pictures arriving, their downloads overlapping
        for (int i = 0; i < 3; ++i) {
            const float x = 0.06f + i * 0.31f;
            d->AddRect(at(x, 0.1f), at(x + 0.26f, 0.5f), kGrey, 2.0f, 0, 2.0f);
            d->AddTriangleFilled(at(x + 0.02f, 0.47f), at(x + 0.11f, 0.22f), at(x + 0.2f, 0.47f), kGreen);
            d->AddCircleFilled(at(x + 0.2f, 0.2f), h * 0.04f, kAmber);
        }
        for (int i = 0; i < 3; ++i)
            d->AddRectFilled(at(0.06f + i * 0.05f, 0.6f + i * 0.11f), at(0.55f + i * 0.12f, 0.67f + i * 0.11f), kBlue, 3.0f);
    } else if (id == "lab") {   // the closing table: three models, bars of their costs
        const ImU32 colours[] = {kAmber, kBlue, kGreen};
        for (int row = 0; row < 3; ++row) {
            const float y = 0.14f + row * 0.28f;
            d->AddRectFilled(at(0.06f, y), at(0.24f, y + 0.16f), kGrey, 2.0f);
            d->AddRectFilled(at(0.3f, y), at(0.3f + (0.62f - row * 0.24f), y + 0.16f), colours[row], 3.0f);
        }
    } else if (id == "spinner") {   // four spinners; the blocked coroutine's is stuck (one bar), the others turn
        for (int i = 0; i < 4; ++i) {
            const ImVec2 c = at(0.14f + i * 0.24f, 0.5f);
            const float r = h * 0.22f;
            d->AddCircle(c, r, kGrey, 24, 2.0f);
            const float angle = i == 3 ? -1.5708f : 0.6f + i * 1.9f;
            d->AddLine(c, ImVec2(c.x + r * std::cos(angle), c.y + r * std::sin(angle)), i == 3 ? kAmber : kGreen, 3.0f);
        }
    } else {   // a demo this page has no picture for yet
        d->AddCircle(at(0.5f, 0.5f), h * 0.3f, kLight, 32, 2.0f);
    }
}

class WelcomePanel final : public DemoPanel {
public:
    const char* title() const override { return tr(WelcomeText::menu); }
    void apply(const options::Params&, options::FieldErrors&) override {}

    void draw() override {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr(WelcomeText::title));
        ImGui::TextUnformatted(tr(WelcomeText::intro));
        ImGui::TextDisabled("%s", tr(WelcomeText::keys_hint));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        const auto order = welcome_order();
        const float avail = ImGui::GetContentRegionAvail().x;
        const int columns = std::clamp(static_cast<int>(avail / (ImGui::GetFontSize() * 17.0f)), 1, 3);
        if (!ImGui::BeginTable("##cards", columns, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) return;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const std::string_view id = order[i];
            const Card* card = card_of(id);
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(i));
            // At most a few lines tall: on a phone (one column) the lessons, not the pictures, fill the screen.
            const float h = std::round(std::min(ImGui::GetContentRegionAvail().x * 0.42f, ImGui::GetFontSize() * 6.0f));
            const float w = std::min(ImGui::GetContentRegionAvail().x, std::round(h / 0.42f));
            const ImVec2 top = ImGui::GetCursorScreenPos();
            if (ImGui::InvisibleButton("##thumb", ImVec2(w, h))) open_panel(id);
            draw_thumbnail(id, ImGui::GetWindowDrawList(), top, ImVec2(top.x + w, top.y + h));
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(ImVec4(0.65f, 0.8f, 1.0f, 1.0f), "%zu  %s", i + 1, panel_title(id));
            ImGui::TextUnformatted(card ? tr(card->lesson) : tr(WelcomeText::other_lesson));
            if (card) ImGui::TextDisabled("%s %s", tr(WelcomeText::notice), tr(card->notice));
            ImGui::PopTextWrapPos();
            if (ImGui::Button(tr(WelcomeText::open))) open_panel(id);
            ImGui::Spacing();
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    nlohmann::json state() const override {
        nlohmann::json cards = nlohmann::json::array();
        for (const auto id : welcome_order()) {
            const Card* card = card_of(id);
            cards.push_back({{"id", std::string(id)},
                             {"title", panel_title(id)},
                             {"lesson", card ? tr(card->lesson) : tr(WelcomeText::other_lesson)},
                             {"notice", card ? tr(card->notice) : ""}});
        }
        return {{"cards", cards}};
    }
};

}  // namespace

std::unique_ptr<DemoPanel> make_welcome_panel() { return std::make_unique<WelcomePanel>(); }

}  // namespace conclab::ui
