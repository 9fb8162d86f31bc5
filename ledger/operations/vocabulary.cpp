#include "ledger/operations/vocabulary.hpp"

#include <array>
#include <utility>

namespace samaki::ledger {
namespace {

using entry = std::pair<std::string_view, term>;

// ---------------------------------------------------------------------------------------------------
// THE WORDS OF OPERATIONS, IN ENGLISH AND KHMER. Every label an operation type or a field shows lives
// here and nowhere else, so a Khmer reader can review and correct them in one place. The names on the
// left are the API's and never change; the labels may be improved freely. Spelling follows khmer.md
// (coeng-DA in ប្ដូរ, ម្ដង, ស្ដុក, ផ្ដល់; ប្រាក់ចំណេញ for surplus). To be checked by a native reader.
// ---------------------------------------------------------------------------------------------------
constexpr std::array operation_terms{
    entry{"meeting", {"Meeting", "ការប្រជុំ"}},
    entry{"shares", {"Buy shares", "ទិញភាគហ៊ុន"}},
    entry{"social_fund", {"Social fund contribution", "វិភាគទានមូលនិធិសង្គមកិច្ច"}},
    entry{"fine", {"Fine", "ប្រាក់ពិន័យ"}},
    entry{"loan", {"New loan", "ផ្ដល់ប្រាក់កម្ចី"}},
    entry{"repayment", {"Loan repayment", "សងប្រាក់កម្ចី"}},
    entry{"grant", {"Grant", "ជំនួយ"}},
    entry{"expense", {"Expense", "ចំណាយ"}},
    entry{"income", {"Income", "ចំណូល"}},
    entry{"transfer", {"Transfer between cash boxes", "ផ្ទេរប្រាក់រវាងប្រអប់ប្រាក់"}},
    entry{"loan_write_off", {"Write off a loan", "លុបចោលប្រាក់កម្ចី"}},
    entry{"member_exit", {"A member leaves", "សមាជិកចាកចេញ"}},
    entry{"share_out", {"Share-out", "ការបែងចែកប្រាក់ចុងវដ្ត"}},
    entry{"opening_balances", {"Opening balances from paper books", "សមតុល្យដើមគ្រាពីសៀវភៅក្រដាស"}},
    entry{"reversal", {"Reversal", "ការបញ្ច្រាសប្រតិបត្តិការ"}},
    entry{"share_capital", {"Share capital", "ដើមទុនភាគហ៊ុន"}},
    entry{"entry_fee", {"Entry fee", "ថ្លៃចូលជាសមាជិក"}},
    entry{"input_purchase", {"Inputs bought", "ទិញធាតុចូលកសិកម្ម"}},
    entry{"input_sale", {"Inputs sold", "លក់ធាតុចូលកសិកម្ម"}},
    entry{"produce_purchase", {"Produce bought from a member", "ទិញកសិផលពីសមាជិក"}},
    entry{"produce_sale", {"Produce sold", "លក់កសិផល"}},
    entry{"member_loan", {"Loan to a member", "ប្រាក់កម្ចីដល់សមាជិក"}},
    entry{"loan_repayment", {"Loan repayment", "សងប្រាក់កម្ចី"}},
    entry{"deposit", {"Savings deposit", "ដាក់ប្រាក់សន្សំ"}},
    entry{"withdrawal", {"Savings withdrawal", "ដកប្រាក់សន្សំ"}},
    entry{"pay_member", {"Pay a member", "បង់ប្រាក់ឱ្យសមាជិក"}},
    entry{"collect_member", {"Collect from a member", "ទទួលប្រាក់ពីសមាជិក"}},
    entry{"exchange", {"Currency exchange", "ប្ដូររូបិយប័ណ្ណ"}},
    entry{"bylaws", {"By-laws", "លក្ខន្តិកៈ"}},
    entry{"year_end", {"Year-end close and appropriation", "បិទបញ្ជីចុងឆ្នាំ និងបែងចែកប្រាក់ចំណេញ"}},
    entry{"harvest_sale", {"Harvest sale", "លក់ផលដំណាំ"}},
    entry{"allocation", {"Allocation of net income", "ការបែងចែកប្រាក់ចំណេញ"}},
    entry{"pay_distribution", {"Pay a distribution", "បង់ប្រាក់បែងចែក"}},
};

constexpr std::array field_terms{
    entry{"account", {"Account", "គណនី"}},
    entry{"amount", {"Amount", "ចំនួនទឹកប្រាក់"}},
    entry{"attendance", {"Attendance", "វត្តមាន"}},
    entry{"buyer", {"Buyer", "អ្នកទិញ"}},
    entry{"cash", {"Cash", "សាច់ប្រាក់"}},
    entry{"cost", {"Cost", "ថ្លៃដើម"}},
    entry{"counted", {"Cash counted", "ប្រាក់រាប់បាន"}},
    entry{"crop", {"Crop", "ដំណាំ"}},
    entry{"currency", {"Currency", "រូបិយប័ណ្ណ"}},
    entry{"days", {"Days", "ចំនួនថ្ងៃ"}},
    entry{"decision", {"Decision (minute book)", "សេចក្ដីសម្រេច (សៀវភៅកំណត់ហេតុ)"}},
    entry{"direction", {"Buy or redeem", "ទិញ ឬដកវិញ"}},
    entry{"dividend_percent", {"Dividend %", "ភាគលាភ (%)"}},
    entry{"cash_unit", {"Cash unit", "ឯកតាសាច់ប្រាក់"}},
    entry{"dividend_cap_percent", {"Highest dividend %", "ភាគលាភអតិបរមា (%)"}},
    entry{"education_percent", {"Education and social fund %", "មូលនិធិអប់រំ និងសង្គមកិច្ច (%)"}},
    entry{"effective_from", {"From", "ចាប់ពីថ្ងៃ"}},
    entry{"fines", {"Fines", "ប្រាក់ពិន័យ"}},
    entry{"from", {"From", "ពី"}},
    entry{"grant", {"Grant", "ជំនួយ"}},
    entry{"interest", {"Interest", "ការប្រាក់"}},
    entry{"item", {"Item", "ទំនិញ"}},
    entry{"loan", {"New loan", "ប្រាក់កម្ចីថ្មី"}},
    entry{"loan_fund", {"Loan fund", "មូលនិធិប្រាក់កម្ចី"}},
    entry{"loan_id", {"Loan", "ប្រាក់កម្ចី"}},
    entry{"loans", {"Loans", "ប្រាក់កម្ចី"}},
    entry{"member_id", {"Member", "សមាជិក"}},
    entry{"members", {"Members", "សមាជិក"}},
    entry{"method", {"Interest method", "វិធីគិតការប្រាក់"}},
    entry{"months", {"Months", "ចំនួនខែ"}},
    entry{"on_credit", {"On credit", "ជំពាក់"}},
    entry{"patronage_cash_percent", {"Refund paid in cash %", "ប្រាក់បង្វិលជូនបើកជាសាច់ប្រាក់ (%)"}},
    entry{"patronage_percent", {"Patronage refund %", "ប្រាក់បង្វិលជូនសមាជិក (%)"}},
    entry{"percent_per_month", {"Interest % a month", "ការប្រាក់ (%) ក្នុងមួយខែ"}},
    entry{"price_per_kg", {"Price per kg", "តម្លៃក្នុងមួយគីឡូក្រាម"}},
    entry{"purpose", {"Purpose", "គោលបំណង"}},
    entry{"quantity", {"Quantity", "បរិមាណ"}},
    entry{"quantity_kg", {"Quantity (kg)", "បរិមាណ (គីឡូក្រាម)"}},
    entry{"rate", {"Exchange rate", "អត្រាប្ដូរប្រាក់"}},
    entry{"reason", {"Reason", "មូលហេតុ"}},
    entry{"reinvest", {"Reinvestment", "ការវិនិយោគឡើងវិញ"}},
    entry{"reinvest_amount", {"Reinvestment", "ការវិនិយោគឡើងវិញ"}},
    entry{"repay", {"Repayments", "សងប្រាក់កម្ចី"}},
    entry{"reserve_percent", {"Statutory reserve %", "មូលនិធិបម្រុង (%)"}},
    entry{"shares", {"Shares", "ចំនួនភាគហ៊ុន"}},
    entry{"social_fund", {"Social fund", "មូលនិធិសង្គមកិច្ច"}},
    entry{"split", {"Split", "របៀបបែងចែក"}},
    entry{"supplier", {"Supplier", "អ្នកផ្គត់ផ្គង់"}},
    entry{"to", {"To", "ទៅ"}},
    entry{"unit", {"Unit", "ឯកតា"}},
    entry{"via", {"Paid through", "បង់តាម"}},
    entry{"village_fund", {"Village development fund", "មូលនិធិអភិវឌ្ឍភូមិ"}},
    entry{"with_profit", {"With profit", "រួមទាំងប្រាក់ចំណេញ"}},
    entry{"work_days", {"Work days", "ថ្ងៃធ្វើការ"}},
    entry{"year", {"Year", "ឆ្នាំ"}},
};

// Lines of the general reports that are no account of the chart.
constexpr std::array report_terms{
    entry{"current_result", {"Current result (not yet closed)", "ចំណេញ ឬខាត មិនទាន់បិទបញ្ជី"}},
};
// ---------------------------------------------------------------------------------------------------
// End of the words of operations and reports.
// ---------------------------------------------------------------------------------------------------

template <std::size_t N>
term look_up(const std::array<entry, N>& table, std::string_view name) {
  for (const auto& [key, words] : table)
    if (key == name) return words;
  return term{name, name};
}

}  // namespace

term operation_label(std::string_view type) {
  return look_up(operation_terms, type);
}

term field_label(std::string_view field) {
  return look_up(field_terms, field);
}

term report_label(std::string_view line) {
  return look_up(report_terms, line);
}

}  // namespace samaki::ledger
